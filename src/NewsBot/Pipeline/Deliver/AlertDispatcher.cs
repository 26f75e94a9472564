using Hangfire;
using Microsoft.EntityFrameworkCore;
using NewsBot.Platforms;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver;

/// <summary>
/// Sends pending alerts through the outbox. Chats are served in parallel, each chat's alerts in order
/// (<see cref="ChatDelivery"/>), so one slow chat never holds up the rest; the outbox's claims keep two
/// dispatchers from sending the same alert.
/// </summary>
public sealed class AlertDispatcher(
    IDbContextFactory<NewsBotDbContext> dbFactory, ChatPlatforms platforms, ChatDelivery chats, TimeProvider time,
    IBackgroundJobClient? jobs = null, Scaling.InstanceSignals? signals = null) : IDisposable
{
    private const int ParallelChats = 16;

    private readonly SemaphoreSlim _running = new(1, 1);
    private volatile bool _rerun;

    public void Dispose() => _running.Dispose();

    /// <summary>
    /// The job: sends everything due that this instance may send, and wakes the instances leading the
    /// platforms it may not (the job can run on any instance sharing the job storage).
    /// </summary>
    [Queue(Pipeline.JobQueues.Delivery)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task DispatchPendingAsync(CancellationToken ct)
    {
        if (signals is { Enabled: true } && platforms.SendableNow().Length < platforms.All.Count) await signals.NotifyAsync(Scaling.InstanceSignal.Dispatch, ct);
        await DispatchHereAsync(ct);
    }

    /// <summary>
    /// Sends everything due that this instance may send. Requests that arrive while a run is going on are
    /// folded into it (one more round), so a burst of new alerts never piles up Hangfire workers waiting on
    /// each other. Other instances are kept apart by the per-alert claims, not by this gate.
    /// </summary>
    public async Task DispatchHereAsync(CancellationToken ct)
    {
        _rerun = true;
        // Re-checked after releasing: a request that came in just before the release is not lost.
        while (_rerun && !ct.IsCancellationRequested)
        {
            if (!await _running.WaitAsync(0, ct)) return;
            try
            {
                while (_rerun && !ct.IsCancellationRequested)
                {
                    _rerun = false;
                    await DispatchRoundsAsync(ct);
                }
            }
            finally
            {
                _running.Release();
            }
        }
    }

    /// <summary>Members' mentions are a job of their own (<see cref="Mentions.MentionSender"/>): a slow shared chat never holds up private alerts.</summary>
    private async Task DispatchRoundsAsync(CancellationToken ct)
    {
        if (jobs is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await Mentions.MentionSender.AnyPendingAsync(db, ct)) jobs.Enqueue<Mentions.MentionSender>(m => m.DispatchAsync(CancellationToken.None));
        }
        await DispatchAlertRoundsAsync(ct);
    }

    private async Task DispatchAlertRoundsAsync(CancellationToken ct)
    {
        // A bot's rate limits are per account: only the instance leading a platform sends to it.
        var sendable = platforms.SendableNow();
        while (!ct.IsCancellationRequested)
        {
            List<long> chatIds;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var now = time.GetUtcNow().UtcDateTime;
                chatIds = await Due(db, now).Where(a => sendable.Contains(a.Chat!.Platform))
                    .Select(a => a.ChatId).Distinct().Take(1000).ToListAsync(ct);
            }
            if (chatIds.Count == 0) return;
            var progress = 0;
            await Parallel.ForEachAsync(chatIds, new ParallelOptions { MaxDegreeOfParallelism = ParallelChats, CancellationToken = ct },
                async (chatId, token) => Interlocked.Add(ref progress, await chats.DeliverAsync(chatId, token)));
            if (progress == 0) return; // everything left waits for a retry time or another dispatcher's lease
        }
    }

    /// <summary>Alerts to send, and sent alerts whose story gained sources (their message is edited).</summary>
    public static IQueryable<Alert> Due(NewsBotDbContext db, DateTime now) =>
        db.Alerts.Where(a => (a.Status == AlertStatus.Pending || (a.Status == AlertStatus.Sent && a.UpdatePending)) && a.NextAttemptAt <= now)
            .Where(Outbox.OutboxClaim.Free<Alert>(now))
            .Where(a => !a.Chat!.Paused && a.Chat.DeactivatedReason == null);
}
