using System.Buffers;
using System.Runtime.InteropServices;
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
    private readonly Stack<int> _freeSlots = new();

    public KeyTable Words { get; } = new();
    public KeyTable Prefixes { get; } = new();
    public KeyTable Trigrams { get; } = new();

    /// <summary>How word/phrase compounds start, and how prefixes do: lets the scan skip most tokens.</summary>
    public StartFilter WordStarts { get; } = new();
    public StartFilter PrefixStarts { get; } = new();

    // Every regex's required literals (with how many regexes need each), and all of them as one
    // vectorized multi-string search, rebuilt on first use after a change (readers share the result).
    private readonly Dictionary<string, int> _regexLiterals = new(StringComparer.Ordinal);
    private SearchValues<string>? _literalSearch;

    /// <summary>The required literals of all indexed regexes, to find in an article at once.</summary>
    public SearchValues<string> RegexLiterals => _literalSearch ??= SearchValues.Create(_regexLiterals.Keys.ToArray(), StringComparison.Ordinal);

    private int _removalsSinceStartsRebuilt;

    /// <summary>How many prefix terms are keyed with each length, so scanning skips unused lengths.</summary>
    public int[] PrefixLengths { get; } = new int[KeyHash.PrefixKeyLength + 1];

    public int Count => _terms.Count;

    /// <summary>
    /// <c>lang:</c> terms by code: not in the text tables, found from the article's language instead
    /// (<see cref="ArticleScan"/>), so a filter keyed on a language is a candidate only for articles in it.
    /// </summary>
    public Dictionary<string, IndexedTerm> Languages { get; } = new(StringComparer.Ordinal);

    /// <summary>The codes in <see cref="Languages"/>, sorted; a new array after each change (readers keep theirs).</summary>
    public string[] LanguageCodes { get; private set; } = [];

    /// <summary>One more than the highest slot in use: the size a match's found-set needs.</summary>
    public int SlotCount { get; private set; }

    /// <summary>Live terms by slot (programs name terms by slot).</summary>
    public IndexedTerm?[] BySlot { get; private set; } = new IndexedTerm?[64];

    public IndexedTerm Acquire(TermNode term)
    {
        var key = KeyOf(term);
        if (!_terms.TryGetValue(key, out var indexed))
        {
            indexed = new IndexedTerm(term, _freeSlots.Count > 0 ? _freeSlots.Pop() : SlotCount++);
            if (indexed.Slot >= BySlot.Length) { var grown = BySlot; Array.Resize(ref grown, BySlot.Length * 2); BySlot = grown; }
            BySlot[indexed.Slot] = indexed;
            _terms.Add(key, indexed);
            Register(indexed, add: true);
            if (WordStarts.NeedsGrowth || PrefixStarts.NeedsGrowth) RebuildStarts();
        }
        indexed.References++;
        return indexed;
    }

    public void Release(IndexedTerm indexed)
    {
        if (--indexed.References > 0) return;
        _terms.Remove(KeyOf(indexed.Term));
        Register(indexed, add: false);
        BySlot[indexed.Slot] = null;
        _freeSlots.Push(indexed.Slot);
        // Removed terms' start bits linger; once as many terms left as remain, rebuild (amortized O(1)).
        if (++_removalsSinceStartsRebuilt > Math.Max(1024, _terms.Count)) RebuildStarts();
    }

    private static TermKey KeyOf(TermNode term) => term switch
    {
        WordTerm w => new TermKey(typeof(WordTerm), w.TitleOnly, w.Compound, w.Display),
        PrefixTerm p => new TermKey(typeof(PrefixTerm), p.TitleOnly, p.Prefix, ""),
        RegexTerm r => new TermKey(typeof(RegexTerm), r.TitleOnly, r.Pattern, ""),
        LanguageTerm l => new TermKey(typeof(LanguageTerm), false, l.Code, ""),
        _ => throw new ArgumentException($"filter index: unknown term type {term.GetType().Name}", nameof(term)),
    };

    private void Register(IndexedTerm indexed, bool add)
    {
        switch (indexed.Term)
        {
            case WordTerm word:
                Update(Words, KeyHash.OfLeading(word.Compound), new KeyItem(indexed, word.Compound, word.TitleOnly), add);
                if (add) WordStarts.Add(word.Compound);
                else WordStarts.Remove(word.Compound);
                break;
            case PrefixTerm prefix:
                Update(Prefixes, KeyHash.OfPrefix(prefix.Prefix), new KeyItem(indexed, prefix.Prefix, prefix.TitleOnly), add);
                if (add) PrefixStarts.Add(prefix.Prefix);
                else PrefixStarts.Remove(prefix.Prefix);
                PrefixLengths[Math.Min(prefix.Prefix.Length, KeyHash.PrefixKeyLength)] += add ? 1 : -1;
                break;
            case RegexTerm regex:
                foreach (var trigram in regex.RequiredLiterals.Select(l => KeyHash.Trigram(l)).Distinct())
                    Update(Trigrams, trigram, new KeyItem(indexed, "", regex.TitleOnly), add);
                foreach (var literal in regex.RequiredLiterals.Distinct())
                {
                    ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_regexLiterals, literal, out _);
                    if ((count += add ? 1 : -1) == 0) _regexLiterals.Remove(literal);
                }
                _literalSearch = null;
                break;
            case LanguageTerm language:
                if (add) Languages.Add(language.Code, indexed);
                else Languages.Remove(language.Code);
                LanguageCodes = Languages.Keys.Order(StringComparer.Ordinal).ToArray();
                break;
        }
    }

    private void RebuildStarts()
    {
        WordStarts.Clear(_terms.Count);
        PrefixStarts.Clear(_terms.Count);
        foreach (var term in _terms.Values)
        {
            if (term.Term is WordTerm word) WordStarts.Add(word.Compound);
            else if (term.Term is PrefixTerm prefix) PrefixStarts.Add(prefix.Prefix);
        }
        _removalsSinceStartsRebuilt = 0;
    }

    private static void Update(KeyTable table, ulong key, KeyItem item, bool add)
    {
        if (add) table.Add(key, item);
        else table.Remove(key, item.Term);
    }
}
