using NewsBot.Core.Filters.Language;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// What one article's scan found: terms seen in it, and regexes worth running. One per thread,
/// reused from article to article. "Seen" is a bit per term slot — found for words and prefixes,
/// worth running for regexes — so the hot checks are bit tests, not hash lookups; the bits are
/// cleared by the slots that set them rather than by the set's size.
/// </summary>
internal sealed class MatchContext
{
    [ThreadStatic] private static MatchContext? _spare;

    private ulong[] _seen = new ulong[64];
    private IndexedTerm?[] _bySlot = [];
    private Dictionary<IndexedTerm, bool>? _regexResults;

    public ArticleAnalysis Article { get; private set; } = null!;

    /// <summary>Word and prefix terms verified present, in the order found.</summary>
    public List<IndexedTerm> Found { get; } = [];

    /// <summary>Regex terms one of whose literals' trigram occurs; still to be run.</summary>
    public List<IndexedTerm> RegexCandidates { get; } = [];

    /// <summary>Terms whose key the scan found, their texts still to compare (<see cref="ArticleScan"/>).</summary>
    public List<Hit> Hits { get; } = [];
    public List<Lookup> Lookups { get; } = [];

    /// <summary>Keys named by the scan, their bits still to test; tokens whose six-character start is still to test.</summary>
    public List<Lookup> Keys { get; } = [];
    public List<Lookup> LongStarts { get; } = [];

    /// <summary>Candidates reached through several keys (OR filters): each is verified once.</summary>
    private readonly HashSet<FilterEntry> _reached = [];

    /// <summary>False for a repeat of an OR filter already reached through another of its keys.</summary>
    public bool IsFirstVisit(in Posting candidate) => !candidate.MultiKey || _reached.Add(candidate.Entry);

    /// <summary>The filters to verify for this article.</summary>
    public List<Posting> Candidates { get; } = [];

    /// <summary>The verified ones, with their matched terms.</summary>
    public List<(FilterEntry Entry, IReadOnlyList<string> Terms)> Matched { get; } = [];

    /// <summary>A cleared context for this thread; give it back with <see cref="Return"/>.</summary>
    public static MatchContext Rent(ArticleAnalysis article, TermTable terms)
    {
        var context = _spare ?? new MatchContext();
        _spare = null; // a nested Match on this thread (none today) gets its own
        context.Article = article;
        context._bySlot = terms.BySlot;
        if (context._seen.Length * 64 < terms.SlotCount) context._seen = new ulong[(terms.SlotCount + 63) / 64 * 2];
        return context;
    }

    public static void Return(MatchContext context)
    {
        foreach (var term in context.Found) context._seen[term.Slot >> 6] = 0;
        foreach (var term in context.RegexCandidates) context._seen[term.Slot >> 6] = 0;
        context.Found.Clear();
        context.Hits.Clear();
        context.Lookups.Clear();
        context.Keys.Clear();
        context.LongStarts.Clear();
        context.RegexCandidates.Clear();
        context._reached.Clear();
        context.Candidates.Clear();
        context.Matched.Clear();
        context._regexResults?.Clear();
        context.Article = null!;
        context._bySlot = [];
        _spare = context;
    }

    public IndexedTerm Term(int slot) => _bySlot[slot]!;

    public bool IsSeen(int slot) => (_seen[slot >> 6] & 1UL << slot) != 0;

    /// <param name="slot">The term's slot, passed along so the term object is not read here.</param>
    public void AddFound(IndexedTerm term, int slot)
    {
        Prefetch.Object(term); // its postings are read once the scan ends
        _seen[slot >> 6] |= 1UL << slot;
        Found.Add(term);
    }

    public void AddRegexCandidate(IndexedTerm term, int slot)
    {
        if (IsSeen(slot)) return;
        _seen[slot >> 6] |= 1UL << slot;
        RegexCandidates.Add(term);
    }

    public bool IsMatched(IndexedTerm term)
    {
        if (term.Term is not RegexTerm) return IsSeen(term.Slot);
        if (term.Indexable && !IsSeen(term.Slot)) return false;
        _regexResults ??= [];
        if (!_regexResults.TryGetValue(term, out var result))
        {
            result = FilterEvaluator.TermMatches(term.Term, Article);
            _regexResults[term] = result;
        }
        return result;
    }
}
