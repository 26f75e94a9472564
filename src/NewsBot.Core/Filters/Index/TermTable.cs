using NewsBot.Core.Filters.Language;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// The distinct terms of all indexed filters and the hash tables that find them from an
/// article: words/phrases by their first characters, prefixes by theirs, regexes by a trigram
/// of a literal every match must contain. Not thread-safe; <see cref="FilterIndex"/> locks.
/// </summary>
internal sealed class TermTable
{
    private readonly record struct TermKey(Type Kind, bool TitleOnly, string Value, string Display);

    private readonly Dictionary<TermKey, IndexedTerm> _terms = new();

    public KeyTable Words { get; } = new();
    public KeyTable Prefixes { get; } = new();
    public KeyTable Trigrams { get; } = new();

    /// <summary>How many prefix terms are keyed with each length, so scanning skips unused lengths.</summary>
    public int[] PrefixLengths { get; } = new int[KeyHash.PrefixKeyLength + 1];

    public int Count => _terms.Count;

    public IndexedTerm Acquire(TermNode term)
    {
        var key = KeyOf(term);
        if (!_terms.TryGetValue(key, out var indexed))
        {
            indexed = new IndexedTerm(term);
            _terms.Add(key, indexed);
            Register(indexed, add: true);
        }
        indexed.References++;
        return indexed;
    }

    public void Release(IndexedTerm indexed)
    {
        if (--indexed.References > 0) return;
        _terms.Remove(KeyOf(indexed.Term));
        Register(indexed, add: false);
    }

    private static TermKey KeyOf(TermNode term) => term switch
    {
        WordTerm w => new TermKey(typeof(WordTerm), w.TitleOnly, w.Compound, w.Display),
        PrefixTerm p => new TermKey(typeof(PrefixTerm), p.TitleOnly, p.Prefix, ""),
        RegexTerm r => new TermKey(typeof(RegexTerm), r.TitleOnly, r.Pattern, ""),
        _ => throw new ArgumentException($"filter index: unknown term type {term.GetType().Name}", nameof(term)),
    };

    private void Register(IndexedTerm indexed, bool add)
    {
        switch (indexed.Term)
        {
            case WordTerm word:
                Update(Words, KeyHash.OfLeading(word.Compound), indexed, add);
                break;
            case PrefixTerm prefix:
                Update(Prefixes, KeyHash.OfPrefix(prefix.Prefix), indexed, add);
                PrefixLengths[Math.Min(prefix.Prefix.Length, KeyHash.PrefixKeyLength)] += add ? 1 : -1;
                break;
            case RegexTerm regex:
                foreach (var trigram in regex.RequiredLiterals.Select(l => KeyHash.Trigram(l)).Distinct())
                    Update(Trigrams, trigram, indexed, add);
                break;
        }
    }

    private static void Update(KeyTable table, ulong key, IndexedTerm indexed, bool add)
    {
        if (add) table.Add(key, indexed);
        else table.Remove(key, indexed);
    }
}
