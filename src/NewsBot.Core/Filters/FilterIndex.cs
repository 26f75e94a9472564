using NewsBot.Core.Filters.Index;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Filters;

/// <summary>
/// All active filters of all chats, indexed by their terms (the idea of Lucene's Monitor and
/// Elasticsearch's percolator): an article's tokens are looked up in the term tables, only the
/// filters keyed on a found term are verified, so matching costs in proportion to the article's
/// length and the candidates, not to the number of filters. Add and Remove are incremental and
/// may run while other threads match (a reader-writer lock; each call is microseconds).
/// Agrees exactly with <see cref="FilterEvaluator"/>.
/// </summary>
public sealed class FilterIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly TermTable _terms = new();
    private readonly Dictionary<long, FilterEntry> _filters = new();
    private readonly HashSet<FilterEntry> _unkeyed = [];

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _filters.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Distinct terms across all filters.</summary>
    public int TermCount
    {
        get
        {
            _lock.EnterReadLock();
            try { return _terms.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds a filter, replacing any earlier one with the same id.</summary>
    public void Add(long filterId, long chatId, Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(filterId);
            var root = FilterCompiler.Compile(filter.Root, _terms);
            var keys = FilterCompiler.Keys(root);
            var entry = new FilterEntry(filterId, chatId, root, keys ?? []);
            var companion = FilterCompiler.Companion(root, keys);
            for (var i = 0; i < entry.Keys.Length; i++)
            {
                entry.KeyPositions[i] = entry.Keys[i].Postings.Count;
                entry.Keys[i].Postings.Add(new Posting(entry, companion));
            }
            if (keys is null) _unkeyed.Add(entry);
            _filters.Add(filterId, entry);
        }
        finally { _lock.ExitWriteLock(); }
    }

    public void Remove(long filterId)
    {
        _lock.EnterWriteLock();
        try { RemoveLocked(filterId); }
        finally { _lock.ExitWriteLock(); }
    }

    public IReadOnlyList<FilterMatch> Match(ArticleText article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var context = new MatchContext(ArticleAnalysis.Of(article));
        var matches = new List<FilterMatch>();
        _lock.EnterReadLock();
        try
        {
            ArticleScan.Run(_terms, context);
            foreach (var entry in Candidates(context))
            {
                if (entry.Root.Matches(context))
                    matches.Add(new FilterMatch(entry.Id, entry.ChatId, FilterCompiler.MatchedTerms(entry.Root, context)));
            }
        }
        finally { _lock.ExitReadLock(); }
        matches.Sort((a, b) => a.FilterId.CompareTo(b.FilterId));
        return matches;
    }

    /// <summary>How many filters an article makes the index verify: the work beyond reading the article.</summary>
    public int CountCandidates(ArticleText article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var context = new MatchContext(ArticleAnalysis.Of(article));
        _lock.EnterReadLock();
        try
        {
            ArticleScan.Run(_terms, context);
            return Candidates(context).Count;
        }
        finally { _lock.ExitReadLock(); }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>
    /// Filters keyed on a found term whose companion term was found too. Only filters with several
    /// keys (OR) can be reached twice, so only those go through a set.
    /// </summary>
    private List<FilterEntry> Candidates(MatchContext context)
    {
        var candidates = new List<FilterEntry>(_unkeyed);
        HashSet<FilterEntry>? multiKey = null;
        foreach (var term in context.Found) Collect(term.Postings, context, candidates, ref multiKey);
        foreach (var term in context.RegexCandidates) Collect(term.Postings, context, candidates, ref multiKey);
        return candidates;
    }

    private static void Collect(List<Posting> postings, MatchContext context, List<FilterEntry> candidates, ref HashSet<FilterEntry>? multiKey)
    {
        foreach (var (entry, companion) in postings)
        {
            if (companion is not null && !context.MayMatch(companion)) continue;
            if (entry.Keys.Length > 1 && !(multiKey ??= []).Add(entry)) continue;
            candidates.Add(entry);
        }
    }

    private void RemoveLocked(long filterId)
    {
        if (!_filters.Remove(filterId, out var entry)) return;
        for (var i = 0; i < entry.Keys.Length; i++)
        {
            // Swap-remove: the last posting moves into this one's place and learns its new position.
            var postings = entry.Keys[i].Postings;
            var position = entry.KeyPositions[i];
            var last = postings[^1];
            postings[position] = last;
            last.Entry.KeyPositions[Array.IndexOf(last.Entry.Keys, entry.Keys[i])] = position;
            postings.RemoveAt(postings.Count - 1);
        }
        _unkeyed.Remove(entry);
        FilterCompiler.ForEachTerm(entry.Root, _terms.Release);
    }
}
