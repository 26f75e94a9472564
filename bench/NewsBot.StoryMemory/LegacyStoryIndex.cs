using NewsBot.Core.Stories;

namespace NewsBot.StoryMemory;

/// <summary>
/// The story index as it was before issue 15 (one object per entry, a band-key array per entry, a
/// List per bucket), kept here to measure it against <see cref="StoryIndex"/> and to check both
/// answer every lookup the same.
/// Recent articles' signatures with their story ids, for finding the story a new article belongs to.
/// Lookup uses LSH banding (64 bands of 2 values: a pair with similarity 0.3 shares a band with
/// probability 0.997, an unrelated pair at 0.05 with 0.15), so it checks a few candidates instead of
/// every recent article. A story accepts articles until <see cref="Window"/> after its first article;
/// older entries are evicted. Thread-safe. The host rebuilds it on start by calling <see cref="Add"/>
/// for the stored signatures of the last window.
/// </summary>
internal sealed class LegacyStoryIndex(StoryMatcher matcher, TimeSpan? window = null)
{
    private const int RowsPerBand = 2;
    private const int Bands = StorySignature.Length / RowsPerBand;

    private readonly Dictionary<ulong, List<Entry>> _buckets = [];
    private readonly Dictionary<long, StorySpan> _stories = [];
    private readonly PriorityQueue<Entry, DateTimeOffset> _byTime = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _latest = DateTimeOffset.MinValue;

    public TimeSpan Window { get; } = window ?? TimeSpan.FromHours(24);

    public int Count { get { lock (_gate) return _byTime.Count; } }

    /// <summary>The story whose articles are most similar to <paramref name="signature"/> (at least the matcher's threshold), or null.</summary>
    public long? FindStory(StorySignature signature, DateTimeOffset at)
    {
        if (signature.IsEmpty) return null;
        lock (_gate)
        {
            long? best = null;
            var bestSimilarity = 0.0;
            var seen = new HashSet<Entry>(ReferenceEqualityComparer.Instance);
            foreach (var key in BandKeys(signature))
            {
                if (!_buckets.TryGetValue(key, out var bucket)) continue;
                foreach (var entry in bucket)
                {
                    if (!seen.Add(entry) || !InWindow(entry, at)) continue;
                    if (!matcher.SameStory(signature, entry.Signature)) continue;
                    var similarity = signature.SimilarityTo(entry.Signature);
                    if (similarity > bestSimilarity)
                        (best, bestSimilarity) = (entry.StoryId, similarity);
                }
            }
            return best;
        }
    }

    public void Add(long storyId, StorySignature signature, DateTimeOffset at)
    {
        lock (_gate)
        {
            var entry = new Entry(storyId, signature, at, BandKeys(signature).ToArray());
            foreach (var key in entry.Keys)
            {
                if (!_buckets.TryGetValue(key, out var bucket)) _buckets[key] = bucket = [];
                bucket.Add(entry);
            }
            _byTime.Enqueue(entry, at);
            _stories[storyId] = _stories.TryGetValue(storyId, out var span)
                ? span with { Start = at < span.Start ? at : span.Start, Articles = span.Articles + 1 }
                : new StorySpan(at, 1);
            if (at > _latest) _latest = at;
            Evict();
        }
    }

    private bool InWindow(Entry entry, DateTimeOffset at) =>
        (at - entry.At).Duration() <= Window && at - _stories[entry.StoryId].Start <= Window;

    /// <summary>Drops articles older than the window before the newest one seen.</summary>
    private void Evict()
    {
        var horizon = _latest - Window;
        while (_byTime.TryPeek(out var oldest, out var at) && at < horizon)
        {
            _byTime.Dequeue();
            foreach (var key in oldest.Keys)
            {
                var bucket = _buckets[key];
                bucket.Remove(oldest);
                if (bucket.Count == 0) _buckets.Remove(key);
            }
            var span = _stories[oldest.StoryId];
            if (span.Articles == 1) _stories.Remove(oldest.StoryId);
            else _stories[oldest.StoryId] = span with { Articles = span.Articles - 1 };
        }
    }

    private static IEnumerable<ulong> BandKeys(StorySignature signature)
    {
        var values = signature.Values.ToArray();
        for (var band = 0; band < Bands; band++)
        {
            var key = Mix((ulong)band);
            for (var row = 0; row < RowsPerBand; row++) key = Mix(key ^ values[band * RowsPerBand + row]);
            yield return key;
        }
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    // A class, not a record: buckets find and remove entries by reference.
    private sealed class Entry(long storyId, StorySignature signature, DateTimeOffset at, ulong[] keys)
    {
        public long StoryId { get; } = storyId;
        public StorySignature Signature { get; } = signature;
        public DateTimeOffset At { get; } = at;
        public ulong[] Keys { get; } = keys;
    }

    private readonly record struct StorySpan(DateTimeOffset Start, int Articles);
}
