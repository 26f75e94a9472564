using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// One distinct term of all indexed filters, shared by every filter that uses it, with the
/// filters that chose it as their key (<see cref="Postings"/>): when the term is found in an
/// article, those filters are the candidates to verify.
/// </summary>
internal sealed class IndexedTerm(TermNode term) : CompiledNode
{
    public TermNode Term { get; } = term;
    public int References { get; set; }
    public List<Posting> Postings { get; } = [];

    /// <summary>Word and prefix terms are always found by scanning; regexes only when they have required literals.</summary>
    public bool Indexable => Term is not RegexTerm regex || regex.RequiredLiterals.Count > 0;

    /// <summary>Longer keys are rarer in text: a filter prefers its most specific term as key.</summary>
    public int Specificity => Term switch
    {
        WordTerm word => word.Compound.Length,
        PrefixTerm prefix => prefix.Prefix.Length - 1,
        RegexTerm regex => regex.RequiredLiterals.Count == 0 ? 0 : regex.RequiredLiterals.Min(l => l.Length) - 2,
        _ => 0,
    };

    public override bool Matches(MatchContext context) => context.IsMatched(this);
}

/// <summary>
/// A filter keyed on a term, with a second term the filter also needs (its cheapest other
/// top-level AND term, if any): checked before the filter itself is touched, so the many
/// "gaza ceasefire" filters keyed on gaza cost almost nothing for an article without ceasefire.
/// </summary>
internal readonly record struct Posting(FilterEntry Entry, IndexedTerm? Companion);
