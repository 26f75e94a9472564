namespace NewsBot.Core.Stories;

/// <summary>
/// Recent articles' signatures with their story ids, for finding the story a new article belongs to.
/// Lookup uses LSH banding (64 bands of 2 values: a pair with similarity 0.3 shares a band with
/// probability 0.997, an unrelated pair at 0.05 with 0.15), so it checks a few candidates instead of
/// every recent article. A story accepts articles until <see cref="Window"/> after its first article;
/// older entries are evicted, and so is the oldest entry when <see cref="MaxArticles"/> are held (a
/// story whose articles all fell out can no longer be joined). Thread-safe. The host rebuilds it on
/// start by calling <see cref="Add"/> for the stored signatures of the last window.
/// </summary>
public sealed class StoryIndex
{
    /// <summary>About 110 MB of entries (~1.1 KB each): a day of alerting articles from thousands of feeds.</summary>
    public const int DefaultMaxArticles = 100_000;

    private readonly StoryMatcher _matcher;
    private readonly SignatureRing _ring;
    private readonly Dictionary<long, StorySpan> _stories = [];
    private readonly Dictionary<long, long> _mergedInto = [];
    private readonly Lock _gate = new();
    private long _latest = long.MinValue;

    /// <param name="matcher">Decides whether a candidate reports the same story.</param>
    /// <param name="window">How long a story accepts articles after its first; 24 hours if null.</param>
    /// <param name="maxArticles">How many articles the index holds at most; the oldest goes first.</param>
    public StoryIndex(StoryMatcher matcher, TimeSpan? window = null, int maxArticles = DefaultMaxArticles)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxArticles, 1);
        _matcher = matcher;
        _ring = new SignatureRing(maxArticles);
        Window = window ?? TimeSpan.FromHours(24);
    }

    public TimeSpan Window { get; }

    public int MaxArticles => _ring.MaxArticles;

    public int Count { get { lock (_gate) return _ring.Count; } }

    /// <summary>
    /// Every story <paramref name="signature"/> joins, the best match first; empty when none. More
    /// than one means the article bridges stories that are one event: the caller merges them
    /// (<see cref="Merge"/>) into one of them and adds the article to it.
    /// </summary>
    public IReadOnlyList<long> FindStories(StorySignature signature, DateTimeOffset at) =>
        FindStory(signature, at) is { } story ? [story] : [];

    /// <summary>
    /// From now on the articles of <paramref name="absorbed"/> count as <paramref name="survivor"/>'s:
    /// lookups that hit them answer <paramref name="survivor"/>.
    /// </summary>
    public void Merge(long survivor, long absorbed)
    {
        if (survivor == absorbed) return;
        lock (_gate)
        {
            _mergedInto[absorbed] = Resolve(survivor);
        }
    }

    private long Resolve(long storyId)
    {
        while (_mergedInto.TryGetValue(storyId, out var into)) storyId = into;
        return storyId;
    }

    /// <summary>The story whose articles are most similar to <paramref name="signature"/> (at least the matcher's threshold), or null.</summary>
    public long? FindStory(StorySignature signature, DateTimeOffset at)
    {
        if (signature.IsEmpty) return null;
        var query = signature.Values;
        var atTicks = at.UtcTicks;
        lock (_gate)
        {
            long? best = null;
            var (bestSimilarity, bestBand) = (0.0, -1);
            var seen = new HashSet<int>();
            for (var band = 0; band < SignatureRing.Bands; band++)
            {
                // A chain is newest first; on equal similarity the older article wins, as it did when
                // buckets were lists in insertion order (the earlier band wins over a later one).
                for (var node = _ring.Head(query, band); node != SignatureRing.NoNode; node = _ring.Next(node))
                {
                    if (!_ring.SameBand(node, query, band)) continue;
                    var slot = SignatureRing.SlotOf(node);
                    if (!seen.Add(slot) || !InWindow(slot, atTicks)) continue;
                    var values = _ring.ValuesOf(slot);
                    if (!_matcher.SameStory(signature, values, _ring.NamesOf(slot))) continue;
                    var similarity = signature.SimilarityTo(values);
                    if (similarity > bestSimilarity || (similarity == bestSimilarity && band == bestBand))
                        (best, bestSimilarity, bestBand) = (_ring.StoryId(slot), similarity, band);
                }
            }
            return best is { } found ? Resolve(found) : null;
        }
    }

    public void Add(long storyId, StorySignature signature, DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        lock (_gate)
        {
            if (_ring.Count == _ring.MaxArticles) RemoveOldest();
            _ring.Append(storyId, signature, ticks);
            _stories[storyId] = _stories.TryGetValue(storyId, out var span)
                ? span with { Start = Math.Min(ticks, span.Start), Articles = span.Articles + 1 }
                : new StorySpan(ticks, 1);
            if (ticks > _latest) _latest = ticks;
            Evict();
        }
    }

    private bool InWindow(int slot, long atTicks) =>
        Math.Abs(atTicks - _ring.Ticks(slot)) <= Window.Ticks && atTicks - _stories[_ring.StoryId(slot)].Start <= Window.Ticks;

    /// <summary>Drops articles older than the window before the newest one seen (articles arrive in time order, give or take a concurrent poll).</summary>
    private void Evict()
    {
        var horizon = _latest - Window.Ticks;
        while (_ring.Count > 0 && _ring.Ticks(_ring.Oldest) < horizon) RemoveOldest();
    }

    private void RemoveOldest()
    {
        var storyId = _ring.StoryId(_ring.Oldest);
        _ring.RemoveOldest();
        var span = _stories[storyId];
        if (span.Articles == 1) _stories.Remove(storyId);
        else _stories[storyId] = span with { Articles = span.Articles - 1 };
    }

    /// <summary>When a story began (ticks, UTC) and how many of its articles the index holds.</summary>
    private readonly record struct StorySpan(long Start, int Articles);
}
