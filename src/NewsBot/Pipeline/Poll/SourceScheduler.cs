using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// Once a second, hands every due source to a Hangfire poll job. Before enqueuing it claims the
/// source, so the same source is not enqueued again while its job waits or runs. The claim is short
/// (<see cref="QueuedLease"/>) until the job starts and lengthens it: an instance that dies between
/// claiming and enqueuing (or whose enqueue fails) must not keep the source from being polled for long.
/// </summary>
public sealed partial class SourceScheduler(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<SourceScheduler> log) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claimed source waits for its job to start before another scheduler may enqueue it
    /// again. A job that starts later finds the source already polled and does nothing.
    /// </summary>
    public static readonly TimeSpan QueuedLease = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Set by the job when it starts and renewed while it runs (<see cref="PollClaimRenewal"/>), so a
    /// running poll is never doubled however long its fetch waits; a dead job's claim lapses after this.
    /// </summary>
    public static readonly TimeSpan RunningLease = TimeSpan.FromMinutes(2);

    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends when the round run at start-up is over: tests that race schedulers of their own wait for it.</summary>
    internal Task FirstRound => _firstRound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        do
        {
            try
            {
                await EnqueueDueSourcesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTickFailed(e);
            }
            finally
            {
                _firstRound.TrySetResult();
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            var ticked = await timer.WaitForNextTickAsync(ct);
            // Off the timer's thread: a tick's database work must not run inside the clock that fired it
            // (a test clock moved by a day would otherwise run 86 400 scheduler rounds one by one).
            await Task.Yield();
            return ticked;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<int> EnqueueDueSourcesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Sources.Where(s => !s.Paused && s.NextPollAt <= now && (s.PollClaimedUntil == null || s.PollClaimedUntil < now))
            .OrderBy(s => s.NextPollAt).Select(s => s.Id).Take(500).ToListAsync(ct);
        foreach (var id in due)
        {
            // Claim with a conditional update: a second scheduler (another instance) that read the same row gets 0 rows.
            var claimed = await db.Sources.Where(s => s.Id == id && (s.PollClaimedUntil == null || s.PollClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, now + QueuedLease), ct);
            if (claimed == 0) continue;
            try
            {
                jobs.Enqueue<PollSourceJob>(j => j.RunAsync(id, CancellationToken.None));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The job store refused it (database gone for a moment): the next tick tries again.
                await ReleaseAsync(db, id);
                throw;
            }
        }
        return due.Count;
    }

    private static async Task ReleaseAsync(NewsBotDbContext db, long id)
    {
        try
        {
            await db.Sources.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, (DateTime?)null), CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The claim runs out after QueuedLease instead.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Source scheduler tick failed; trying again next tick")]
    private partial void LogTickFailed(Exception e);
}
