using Hangfire;
using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Polling;

/// <summary>
/// Once a second, hands every due source to a Hangfire poll job. Before enqueuing it claims the
/// source for a lease, so the same source is not enqueued again while its job runs; the job sets
/// the next poll time and releases the claim.
/// </summary>
public sealed partial class SourceScheduler(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<SourceScheduler> log) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>Longer than a poll can take (fetch timeout + parse + save), so a running poll is never doubled.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

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
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, now + Lease), ct);
            if (claimed == 1) jobs.Enqueue<PollSourceJob>(j => j.RunAsync(id, CancellationToken.None));
        }
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Source scheduler tick failed; trying again next tick")]
    private partial void LogTickFailed(Exception e);
}
