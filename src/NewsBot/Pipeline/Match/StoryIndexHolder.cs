using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Core.Stories;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// The in-memory index of recent stories. Rebuilt at start from the signatures stored with the
/// articles of the grouping window (at most <see cref="StoryIndexOptions.MaxIndexedArticles"/>,
/// the newest), then fed by ingestion after each save.
/// </summary>
public sealed partial class StoryIndexHolder(TimeProvider time, IOptions<StoryIndexOptions> options, ILogger<StoryIndexHolder> log)
{
    public StoryMatcher Matcher { get; } = new();

    public StoryIndex Index { get; private set; } = null!;

    public TimeSpan Window => Index.Window;

    public async Task LoadAsync(NewsBotDbContext db, CancellationToken ct)
    {
        var max = options.Value.MaxIndexedArticles;
        Index = new StoryIndex(Matcher, maxArticles: max, maxStoryAge: options.Value.MaxStoryAge);
        var since = time.GetUtcNow().UtcDateTime - Index.Window;
        var indexed = db.Articles.AsNoTracking().Where(a => a.FetchedAt >= since && a.StoryId != null && a.StorySignature != null);
        // Only the newest that fit: from the time of the max-th newest on, read in time order (the
        // index's order) as a stream, so a full window never sits in memory twice.
        var from = await indexed.OrderByDescending(a => a.FetchedAt).Skip(max - 1).Select(a => (DateTime?)a.FetchedAt).FirstOrDefaultAsync(ct);
        if (from is { } oldest) indexed = indexed.Where(a => a.FetchedAt >= oldest);
        var rows = indexed.OrderBy(a => a.FetchedAt).Select(a => new { a.StoryId, a.StorySignature, a.StoryEmbedding, a.FetchedAt, a.Title, a.Text }).AsAsyncEnumerable();
        var recomputed = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            // Signatures of an older format (before the term signatures of issue 16) are recomputed
            // from the article as ingestion would sign it now; the row keeps its old bytes until then.
            var current = StorySignature.IsCurrent(row.StorySignature);
            var lexical = current ? StorySignature.FromBytes(row.StorySignature) : Matcher.Compute(row.Title, row.Text.Length > 2000 ? row.Text[..2000] : row.Text);
            if (!current) recomputed++;
            // With the optional model's vector as stored (as the live index had it), whether or not a model is configured now.
            Index.Add(row.StoryId!.Value, StoryEmbeddingBytes.Attach(lexical, row.StoryEmbedding), new DateTimeOffset(row.FetchedAt, TimeSpan.Zero));
        }
        if (recomputed > 0) LogRecomputed(recomputed, StorySignature.FormatVersion);
        LogLoaded(Index.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Story index: {Articles} stored story signatures of an older format recomputed from their articles (this build signs version {Version})")]
    private partial void LogRecomputed(int articles, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story index loaded with {Articles} recent articles")]
    private partial void LogLoaded(int articles);
}
