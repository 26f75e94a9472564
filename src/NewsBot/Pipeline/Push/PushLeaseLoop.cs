using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// Keeps subscriptions alive: sends the due requests (first subscribe, retry, renewal before the lease
/// ends, unsubscribe for a paused source), each claimed in the database so one instance sends it,
/// and turns a lease that ended unrenewed into a lapse, which gives the source its own poll interval
/// back and polls it at once. Runs every <see cref="Tick"/> and when woken.
/// </summary>
public sealed partial class PushLeaseLoop(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    IServiceProvider services,
    IOptions<WebSubOptions> options,
    TimeProvider time,
    ILogger<PushLeaseLoop> log) : BackgroundService
{
    /// <summary>How often due work is looked for without a wake-up (on the injected clock).</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    /// <summary>A request holds its claim this long; an instance that dies gives it back after it.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>Requests sent per round, so one round stays short.</summary>
    private const int MaxPerRound = 50;

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a round now (a hub was found); cheap, and several calls make one round.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try { _wake.Release(); }
            catch (SemaphoreFullException) { } // another caller woke it first: one round serves both
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(e.Message); // the next round tries again; polling goes on meanwhile
            }
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var timer = Task.Delay(Tick, time, tick.Token);
            await Task.WhenAny(timer, _wake.WaitAsync(tick.Token));
            await tick.CancelAsync();
            await Task.Yield(); // off the clock's thread: a test clock's Advance must not run our database work
        }
    }

    /// <summary>One round: lapses, then due requests. Public so tests drive it with a fake clock.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await LapseEndedLeasesAsync(ct);
        var sender = services.GetRequiredService<HubRequestSender>();
        foreach (var (id, mode) in await ClaimDueAsync(ct))
            await sender.SendAsync(id, mode, ct);
    }

    private async Task LapseEndedLeasesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var lapsed = await db.PushSubscriptions
            .Where(p => p.State == PushState.Active && p.ActiveUntil <= now).ToListAsync(ct);
        if (lapsed.Count == 0) return;
        foreach (var sub in lapsed)
        {
            sub.State = PushState.Lapsed;
            sub.ActiveUntil = null;
            sub.NextAttemptAt = now; // ask again; meanwhile polling is back to normal
            LogLapsed(sub.SourceId);
        }
        await db.SaveChangesAsync(ct);
        await PollSoonAsync(db, lapsed.Select(s => s.SourceId).ToList(), now, ct);
    }

    /// <summary>A source that was polled only for safety is polled now: pushes may have been missed.</summary>
    internal static Task PollSoonAsync(NewsBotDbContext db, IReadOnlyCollection<long> sourceIds, DateTime now, CancellationToken ct) =>
        db.Sources.Where(s => sourceIds.Contains(s.Id) && s.NextPollAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextPollAt, now), ct);

    /// <summary>Claims up to <see cref="MaxPerRound"/> due requests, each with the mode to send.</summary>
    private async Task<List<(long Id, string Mode)>> ClaimDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        // A paused source's live subscription is due for an unsubscribe now.
        await db.PushSubscriptions
            .Where(p => (p.State == PushState.Active || p.State == PushState.Pending) && p.PendingMode != HubRequestSender.Unsubscribe
                && db.Sources.Any(s => s.Id == p.SourceId && s.Paused))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.NextAttemptAt, now), ct);
        var due = await db.PushSubscriptions
            .Where(p => p.NextAttemptAt <= now && (p.ClaimedUntil == null || p.ClaimedUntil < now))
            .OrderBy(p => p.NextAttemptAt).Take(MaxPerRound)
            .Select(p => new { p.Id, p.State, Paused = db.Sources.Any(s => s.Id == p.SourceId && s.Paused) })
            .ToListAsync(ct);
        var claimed = new List<(long, string)>();
        var until = now + ClaimLease;
        foreach (var d in due)
        {
            // Conditional on the claim still being free: of two instances, one updates the row.
            var won = await db.PushSubscriptions.Where(p => p.Id == d.Id && (p.ClaimedUntil == null || p.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.ClaimedUntil, until), ct);
            if (won == 0) continue;
            if (!d.Paused) claimed.Add((d.Id, HubRequestSender.Subscribe));
            else if (d.State is PushState.Active or PushState.Pending) claimed.Add((d.Id, HubRequestSender.Unsubscribe));
            else await db.PushSubscriptions.Where(p => p.Id == d.Id) // paused and not live: nothing to send until it resumes
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.NextAttemptAt, (DateTime?)null).SetProperty(p => p.ClaimedUntil, (DateTime?)null), ct);
        }
        return claimed;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub leases: a round failed ({Cause}); trying again in the next")]
    private partial void LogRoundFailed(string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "source {SourceId}: WebSub lease ended unrenewed; polling at its own interval again, subscribing anew")]
    private partial void LogLapsed(long sourceId);
}
