using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Pipeline.Poll;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Parsing;
using NewsBot.Sources.Reading;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// Ingests pushed feeds one after another: parsed under the poll budget and recorded exactly like a
/// poll's read (<see cref="PollRecorder"/>), so their alerts go out through the usual delivery lane.
/// Bounded: when <see cref="Capacity"/> deliveries wait, the callback answers 503 and the hub retries.
/// </summary>
public sealed partial class PushedFeedIngester(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    PollRecorder recorder,
    IOptions<SourcesOptions> options,
    TimeProvider time,
    ILogger<PushedFeedIngester> log) : BackgroundService
{
    /// <summary>Deliveries waiting at most (each at most NewsBot:Sources:MaxBodyBytes).</summary>
    public const int Capacity = 32;

    /// <summary>One pushed feed document for a source.</summary>
    public sealed record Delivery(long SourceId, Uri Topic, byte[] Body, string? ContentType);

    private readonly Channel<Delivery> _queue = Channel.CreateBounded<Delivery>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryAdd(Delivery delivery) => _queue.Writer.TryWrite(delivery);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await IngestAsync(delivery, stoppingToken);
                }
                catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                {
                    LogIngestFailed(delivery.SourceId, e.Message); // the next safety poll reads the feed anyway
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what is queued is read by the next poll of its source
        }
    }

    private async Task IngestAsync(Delivery delivery, CancellationToken ct)
    {
        string? etag, lastModified, hash;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var source = await db.Sources.AsNoTracking().Where(s => s.Id == delivery.SourceId)
                .Select(s => new { s.ETag, s.LastModified, s.ContentHash }).FirstOrDefaultAsync(ct);
            if (source is null) return;
            (etag, lastModified, hash) = (source.ETag, source.LastModified, source.ContentHash);
        }
        var charset = MediaTypeHeaderValue.TryParse(delivery.ContentType, out var type) ? type.CharSet?.Trim('"', '\'', ' ') : null;
        var budget = options.Value.PollBudget;
        var started = time.GetTimestamp();
        Budgeted<ParsedFeed> parsed;
        try
        {
            parsed = await CpuBudget.RunAsync(token => FeedParser.Parse(delivery.Body, delivery.Topic, charset, token), budget, time, ct);
        }
        catch (FeedFormatException e)
        {
            LogUnreadable(delivery.SourceId, e.Message);
            return;
        }
        if (!parsed.InTime)
        {
            LogUnreadable(delivery.SourceId, SourceFeedReader.TooComplex("parsing", budget));
            return;
        }
        // The source's validators and body hash stay: they describe its feed URL, which a push does not fetch.
        var fetch = new FetchResult.Fetched(delivery.Body, type?.MediaType, charset, delivery.Topic, false, etag, lastModified, null);
        var read = new FeedRead.Read(parsed.Value!, fetch, time.GetElapsedTime(started)) { ContentHash = hash };
        await recorder.RecordAsync(delivery.SourceId, read, ct);
        LogIngested(delivery.SourceId, read.Feed.Items.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {SourceId}: pushed content could not be read ({Cause}); ignored, polling reads the feed")]
    private partial void LogUnreadable(long sourceId, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {SourceId}: pushed content could not be stored ({Cause}); the next poll reads the feed")]
    private partial void LogIngestFailed(long sourceId, string cause);

    [LoggerMessage(Level = LogLevel.Debug, Message = "source {SourceId}: pushed content with {Items} items recorded")]
    private partial void LogIngested(long sourceId, int items);
}
