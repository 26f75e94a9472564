using System.Runtime.InteropServices;
using NewsBot.Core.Filters.Index;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Filters;

/// <summary>
/// All active filters of all chats, indexed by their terms (the idea of Lucene's Monitor and
/// Elasticsearch's percolator): an article's tokens are looked up in the term tables, only the
/// filters keyed on a found term are verified, so matching costs in proportion to the article's
/// length and the candidates, not to the number of filters. Chats that typed the same filter share
/// one entry, verified once. Add and Remove are incremental and may run while other threads match
/// (a reader-writer lock; each call is microseconds). Agrees exactly with <see cref="FilterEvaluator"/>.
/// </summary>
public sealed class FilterIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly TermTable _terms = new();
    private readonly Dictionary<long, SubscriberSlot> _filters = new();
    private readonly Dictionary<string, FilterEntry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<FilterEntry> _unkeyed = [];

    /// <summary>Filters (one per filter id).</summary>
    public int Count => Read(() => _filters.Count);

    /// <summary>Distinct filters: those typed the same way by several chats count once.</summary>
    public int DistinctCount => Read(() => _entries.Count);

    /// <summary>Distinct terms across all filters.</summary>
    public int TermCount => Read(() => _terms.Count);

    /// <summary>
    /// The ISO 639-1 codes <c>lang:</c> terms name (also under NOT), sorted: the languages the host must
    /// know an article's language in, detecting it when the feed does not say. Empty when no filter
    /// looks at language. A new array after each change, so comparing references tells whether the set changed.
    /// </summary>
    public IReadOnlyList<string> LanguagesInUse => Read(() => _terms.LanguageCodes);

    /// <summary>Adds a filter, replacing any earlier one with the same id.</summary>
    public void Add(long filterId, long chatId, Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _lock.EnterWriteLock();
        try { AddLocked(filterId, chatId, filter, compiled: null); }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>
    /// Adds many filters at once (loading at start), in order of their normalized text: filters on
    /// the same first term — mostly those keyed on it — are then allocated side by side, so an
    /// article that finds the term reads them from neighbouring memory instead of a cache miss and
    /// a TLB miss each across a heap of a million filters (the host then asks Linux for huge pages
    /// under a large index: a process-wide step this library leaves to it). All terms are counted before any keys
    /// are chosen, so keys reflect how popular each term is in the whole set, not in the part
    /// loaded so far. As with <see cref="Add"/>, a later filter with the same id replaces an earlier one.
    /// </summary>
    public void AddRange(IEnumerable<(long FilterId, long ChatId, Filter Filter)> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var last = new Dictionary<long, (long FilterId, long ChatId, Filter Filter)>();
        foreach (var filter in filters) last[filter.FilterId] = filter;
        var sorted = last.Values.ToArray();
        Array.Sort(sorted.Select(f => f.Filter.Normalized).ToArray(), sorted, StringComparer.Ordinal);
        _lock.EnterWriteLock();
        try
        {
            var compiled = new Dictionary<string, CompiledNode>(StringComparer.Ordinal);
            foreach (var (_, _, filter) in sorted)
                if (!_entries.ContainsKey(filter.Normalized) && !compiled.ContainsKey(filter.Normalized))
                    compiled.Add(filter.Normalized, FilterCompiler.Compile(filter.Root, _terms));
            foreach (var (filterId, chatId, filter) in sorted) AddLocked(filterId, chatId, filter, compiled);
        }
        finally { _lock.ExitWriteLock(); }
    }

    public void Remove(long filterId)
    {
        _lock.EnterWriteLock();
        try { RemoveLocked(filterId); }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>
    /// The filters the article matches, each with the terms that made it match, in no particular
    /// order: callers group them by chat, and sorting a few hundred matches cost more than finding them.
    /// </summary>
    public IReadOnlyList<FilterMatch> Match(ArticleText article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var analysis = ArticleAnalysis.Of(article);
        _lock.EnterReadLock();
        var context = MatchContext.Rent(analysis, _terms);
        try
        {
            ArticleScan.Run(_terms, context);
            var matched = context.Matched;
            var count = 0;
            var candidates = CollectionsMarshal.AsSpan(Candidates(context));
            foreach (ref readonly var candidate in candidates) Prefetch.Object(candidate.Entry, lines: 2);
            foreach (ref readonly var candidate in candidates)
            {
                var entry = candidate.Entry;
                if (!context.IsFirstVisit(candidate)) continue;
                if (candidate.Decided ? candidate.ExcludeSlot >= 0 && context.IsSeen(candidate.ExcludeSlot)
                    : !FilterProgram.Matches(entry.Code, entry, context)) continue;
                matched.Add((entry, entry.FixedTerms ?? FilterProgram.MatchedTerms(entry.Code, context)));
                count += entry.SubscriberCount;
                entry.PrefetchSubscribers();
            }
            if (count == 0) return [];
            var matches = new FilterMatch[count];
            var at = 0;
            foreach (var (entry, terms) in matched)
                foreach (var subscriber in entry.Subscribers)
                    matches[at++] = new FilterMatch(subscriber.FilterId, subscriber.ChatId, terms, entry.MinOutlets);
            return matches;
        }
        finally
        {
            MatchContext.Return(context);
            _lock.ExitReadLock();
            analysis.ReturnBuffers();
        }
    }

    /// <summary>How many distinct filters an article makes the index verify: the work beyond reading the article.</summary>
    public int CountCandidates(ArticleText article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var analysis = ArticleAnalysis.Of(article);
        _lock.EnterReadLock();
        var context = MatchContext.Rent(analysis, _terms);
        try
        {
            ArticleScan.Run(_terms, context);
            return Candidates(context).Count(candidate => context.IsFirstVisit(candidate));
        }
        finally
        {
            MatchContext.Return(context);
            _lock.ExitReadLock();
            analysis.ReturnBuffers();
        }
    }

    public void Dispose() => _lock.Dispose();

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try { return read(); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Filters keyed on a found term whose companion term was found too.</summary>
    private List<Posting> Candidates(MatchContext context)
    {
        var candidates = context.Candidates;
        foreach (var entry in _unkeyed) candidates.Add(Posting.Unkeyed(entry));
        foreach (var term in context.Found) Prefetch.Array(term.Postings.Items, lines: 2);
        foreach (var term in context.Found) term.Postings.CollectInto(context, candidates);
        foreach (var term in context.RegexCandidates) term.Postings.CollectInto(context, candidates);
        return candidates;
    }

    /// <summary>Adds (or replaces) one filter; an identical one already indexed is shared.</summary>
    /// <param name="compiled">Filters compiled ahead by normalized text (bulk load), taken from when used; null to compile here.</param>
    private void AddLocked(long filterId, long chatId, Filter filter, Dictionary<string, CompiledNode>? compiled)
    {
        RemoveLocked(filterId);
        if (!_entries.TryGetValue(filter.Normalized, out var entry))
            entry = CreateEntryLocked(filter, compiled is not null && compiled.Remove(filter.Normalized, out var root) ? root : null);
        _filters.Add(filterId, new SubscriberSlot(entry, entry.AddSubscriber(new Subscriber(filterId, chatId))));
    }

    /// <param name="root">The filter already compiled (its terms acquired), or null to compile it here.</param>
    private FilterEntry CreateEntryLocked(Filter filter, CompiledNode? root = null)
    {
        root ??= FilterCompiler.Compile(filter.Root, _terms);
        var keys = FilterCompiler.Keys(root);
        var sources = new List<string>();
        var code = FilterProgram.Compile(root, sources);
        var entry = new FilterEntry(filter.Normalized, code, sources.Count == 0 ? [] : sources.ToArray(), keys ?? [], FilterCompiler.Companion(root, keys))
        {
            FixedTerms = FilterProgram.FixedMatchedTerms(code, _terms.BySlot),
            MinOutlets = filter.MinOutlets,
        };
        foreach (var key in entry.Keys) key.Postings.Add(entry, key);
        if (keys is null) _unkeyed.Add(entry);
        _entries.Add(entry.Normalized, entry);
        return entry;
    }

    private void RemoveLocked(long filterId)
    {
        if (!_filters.Remove(filterId, out var slot)) return;
        var entry = slot.Entry;
        if (entry.RemoveSubscriberAt(slot.Position) is { } moved)
            CollectionsMarshal.GetValueRefOrNullRef(_filters, moved.FilterId).Position = slot.Position;
        if (entry.SubscriberCount == 0) DeleteEntryLocked(entry);
    }

    private void DeleteEntryLocked(FilterEntry entry)
    {
        foreach (var key in entry.Keys) key.Postings.Remove(entry);
        _unkeyed.Remove(entry);
        _entries.Remove(entry.Normalized);
        foreach (var slot in FilterProgram.Slots(entry.Code)) _terms.Release(_terms.BySlot[slot]!);
    }
}
