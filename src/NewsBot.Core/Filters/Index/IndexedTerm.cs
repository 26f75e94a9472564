using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// One distinct term of all indexed filters, shared by every filter that uses it, with the
/// filters that chose it as their key (<see cref="Postings"/>): when the term is found in an
/// article, those filters are the candidates to verify.
/// </summary>
internal sealed class IndexedTerm(TermNode term, int slot) : CompiledNode
{
    public TermNode Term { get; } = term;

    /// <summary>Small number unique among live terms (reused after release): its bit in a match's found-set.</summary>
    public int Slot { get; } = slot;

    public int References { get; set; }

    /// <summary>
    /// <c>lang:</c>: found from the article's language, not its text, and never reported as matched.
    /// Computed, not stored: a field would grow every term of a million-filter index for a handful.
    /// </summary>
    public bool IsLanguage => Term is LanguageTerm;

    /// <summary>[its display]: the matched terms of every one-term filter on it, shared.</summary>
    public string[] DisplayList => _displayList ??= [Term.Display];
    private string[]? _displayList;

    /// <summary>Filters keyed on this term; empty for most terms, which are only verified, never keys. A field: it is changed in place.</summary>
    public KeyPostings Postings;

    /// <summary>
    /// Word and prefix terms are always found by scanning, languages from the article's language;
    /// regexes only when they have required literals.
    /// </summary>
    public bool Indexable => Term is not RegexTerm regex || regex.RequiredLiterals.Count > 0;

    /// <summary>Longer keys are rarer in text: a filter prefers its most specific term as key.</summary>
    public int Specificity => Term switch
    {
        WordTerm word => word.Compound.Length,
        PrefixTerm prefix => prefix.Prefix.Length - 1,
        RegexTerm regex => regex.RequiredLiterals.Count == 0 ? 0 : regex.RequiredLiterals.Min(l => l.Length) - 2,
        _ => 0,
    };
}
