using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Stories;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// The in-memory index of recent stories. Rebuilt at start from the signatures stored with the
/// articles of the grouping window, then fed by ingestion after each save.
/// </summary>
public sealed partial class StoryIndexHolder(TimeProvider time, ILogger<StoryIndexHolder> log)
{
    public StoryMatcher Matcher { get; } = new();

    public StoryIndex Index { get; private set; } = null!;

    public TimeSpan Window => Index.Window;

    public async Task LoadAsync(NewsBotDbContext db, CancellationToken ct)
    {
        Index = new StoryIndex(Matcher);
        var since = time.GetUtcNow().UtcDateTime - Index.Window;
        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.FetchedAt >= since && a.StoryId != null && a.StorySignature != null)
            .OrderBy(a => a.FetchedAt)
            .Select(a => new { a.StoryId, a.StorySignature, a.FetchedAt })
            .ToListAsync(ct);
        foreach (var row in rows)
            Index.Add(row.StoryId!.Value, StorySignature.FromBytes(row.StorySignature), new DateTimeOffset(row.FetchedAt, TimeSpan.Zero));
        LogLoaded(rows.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Story index loaded with {Articles} recent articles")]
    private partial void LogLoaded(int articles);
}
