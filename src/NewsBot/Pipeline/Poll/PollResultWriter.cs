using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NewsBot.Observability;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// Records the polls that store no articles (304 Not Modified, failures) in batches: one transaction
/// for up to <see cref="MaxBatch"/> results or whatever arrived within <see cref="Window"/>. At 100,000
/// feeds every 5 minutes that is ~333 results a second, nearly all 304s; one transaction each would
/// make the database's write lock the limit. A batch that fails is written again one result at a
/// time, so one bad row never loses the others.
/// </summary>
public sealed partial class PollResultWriter(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    TimeProvider time,
    NewsBotMetrics metrics,
    Push.PushPolling pushPolling,
    ILogger<PollResultWriter> log) : BackgroundService
{
    /// <summary>Most results one transaction records.</summary>
    public const int MaxBatch = 250;

    /// <summary>
    /// How long a batch collects results after its first. Wall-clock time on purpose: it trades
    /// latency for fewer transactions and is no schedule, so a test's fake clock must not hold it.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Results waiting for their batch at most. A poll frees its slot once its result is queued, so an
    /// unbounded queue would let polls run on while the database is stalled and pile up results without
    /// end; when full, polls wait here, their slots stay taken and the scheduler stops claiming.
    /// </summary>
    public const int MaxQueued = 2 * MaxBatch;

    private readonly Channel<(long SourceId, FeedRead Read)> _queue = Channel.CreateBounded<(long, FeedRead)>(
        new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues a poll's result, waiting while <see cref="MaxQueued"/> are queued; the source stays claimed until its batch is written.</summary>
    public ValueTask AddAsync(long sourceId, FeedRead read, CancellationToken ct)
    {
        if (read is FeedRead.Read) throw new ArgumentException($"source {sourceId}: a read feed is recorded by {nameof(PollRecorder)}", nameof(read));
        return _queue.Writer.WriteAsync((sourceId, read), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(long, FeedRead)>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                using (var window = new CancellationTokenSource(Window))
                using (var gather = CancellationTokenSource.CreateLinkedTokenSource(window.Token, stoppingToken))
                {
                    await FillAsync(batch, gather.Token);
                }
                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the scheduler stopped first (hosted services stop in reverse order), so what is
            // queued now is all there is. Recorded with a short deadline; what misses it lapses with its claim.
            while (_queue.Reader.TryRead(out var item)) batch.Add(item);
            if (batch.Count > 0) await WriteLastAsync(batch);
        }
    }

    private async Task WriteLastAsync(List<(long, FeedRead)> batch)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await WriteAsync(batch, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            LogLastBatchCut(batch.Count); // their claims lapse and the next instance polls them
        }
    }

    private async Task FillAsync(List<(long, FeedRead)> batch, CancellationToken ct)
    {
        try
        {
            while (batch.Count < MaxBatch)
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
                if (batch.Count < MaxBatch) await _queue.Reader.WaitToReadAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // the window closed (or the service stops): write what we have
        }
    }

    /// <summary>Records <paramref name="results"/> in one transaction, or one by one if that fails.</summary>
    public async Task WriteAsync(IReadOnlyList<(long SourceId, FeedRead Read)> results, CancellationToken ct)
    {
        try
        {
            await WriteTogetherAsync(results, ct);
            return;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            LogBatchFailed(results.Count, e.InnerException?.Message ?? e.Message);
        }
        foreach (var result in results)
        {
            try
            {
                await WriteTogetherAsync([result], ct);
            }
            catch (Exception e) when (e is DbUpdateException or DbException)
            {
                // Its claim lapses after SourceScheduler.RunningLease and the source is polled again.
                LogResultFailed(result.SourceId, e.InnerException?.Message ?? e.Message);
            }
        }
    }

    private async Task WriteTogetherAsync(IReadOnlyList<(long SourceId, FeedRead Read)> results, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = results.Select(r => r.SourceId).ToList();
        var sources = await db.Sources.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var now = time.GetUtcNow();
        var pushed = await pushPolling.PushedAsync(db, ids, now, ct);
        var failed = new List<(Source, string)>();
        foreach (var (id, read) in results)
        {
            if (!sources.TryGetValue(id, out var source)) continue; // removed while we fetched
            var interval = pushPolling.Interval(source, pushed.Contains(id));
            if (read is FeedRead.Unreadable unreadable)
            {
                SourceUpdates.Failed(source, unreadable, now, interval);
                failed.Add((source, unreadable.Error));
            }
            else SourceUpdates.Unchanged(source, (FeedRead.Unchanged)read, now, interval);
        }
        await db.SaveChangesAsync(ct);
        // Counted and logged once written: a batch written again one by one must not count twice.
        foreach (var (_, read) in results.Where(r => sources.ContainsKey(r.SourceId)))
        {
            metrics.Polled(read);
            if (read is FeedRead.Unreadable unreadable) metrics.SourceFailed(unreadable.ParseError);
        }
        foreach (var (source, error) in failed) PollLog.Failure(log, source, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "poll results: stopping before the last {Count} were saved")]
    private partial void LogLastBatchCut(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "poll results: a batch of {Count} could not be saved ({Cause}); saving them one by one")]
    private partial void LogBatchFailed(int count, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "source {SourceId}: the poll's result could not be saved ({Cause}); the source is polled again when its claim lapses")]
    private partial void LogResultFailed(long sourceId, string cause);
}
