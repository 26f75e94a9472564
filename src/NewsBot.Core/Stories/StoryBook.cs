namespace NewsBot.Core.Stories;

/// <summary>
/// The stories of the held articles: when each began and last grew, how many held articles it has,
/// and which stories were merged into it. Articles keep the story id they were added with; a merged
/// id resolves to its survivor in one step (the map is kept flat). A story and its merge records go
/// when its last held article goes, so bookkeeping stays bounded by the articles held.
/// Not thread-safe: <see cref="StoryIndex"/> locks.
/// </summary>
internal sealed class StoryBook
{
    private readonly Dictionary<long, Span> _spans = [];
    private readonly Dictionary<long, long> _mergedInto = [];
    private readonly Dictionary<long, List<long>> _absorbed = [];

    public long Resolve(long storyId) => _mergedInto.GetValueOrDefault(storyId, storyId);

    /// <summary>True when the story's latest article is within <paramref name="window"/> of <paramref name="at"/> and its first within <paramref name="maxAge"/>.</summary>
    public bool Accepts(long story, long at, long window, long maxAge) =>
        _spans.TryGetValue(story, out var span) && at - span.Latest <= window && at - span.First <= maxAge;

    public void Added(long storyId, long ticks)
    {
        var story = Resolve(storyId);
        _spans[story] = _spans.TryGetValue(story, out var span)
            ? new Span(Math.Min(ticks, span.First), Math.Max(ticks, span.Latest), span.Articles + 1)
            : new Span(ticks, ticks, 1);
    }

    public void Removed(long storyId)
    {
        var story = Resolve(storyId);
        var span = _spans[story];
        if (span.Articles > 1)
        {
            _spans[story] = span with { Articles = span.Articles - 1 };
            return;
        }
        _spans.Remove(story);
        if (!_absorbed.Remove(story, out var absorbed)) return;
        foreach (var id in absorbed) _mergedInto.Remove(id);
    }

    public void Merge(long survivor, long absorbed)
    {
        var (into, from) = (Resolve(survivor), Resolve(absorbed));
        if (into == from || !_spans.Remove(from, out var fromSpan)) return;
        _spans[into] = _spans.TryGetValue(into, out var span)
            ? new Span(Math.Min(span.First, fromSpan.First), Math.Max(span.Latest, fromSpan.Latest), span.Articles + fromSpan.Articles)
            : fromSpan;
        var moved = _absorbed.Remove(from, out var list) ? list : [];
        moved.Add(from);
        foreach (var id in moved) _mergedInto[id] = into;
        if (_absorbed.TryGetValue(into, out var existing)) existing.AddRange(moved);
        else _absorbed[into] = moved;
    }

    /// <summary>When a story began and last grew (ticks, UTC) and how many held articles it has, merged ones included.</summary>
    private readonly record struct Span(long First, long Latest, int Articles);
}
