using NewsBot.Core.Platforms;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Alerts;
using NewsBot.Core.Delivery;
using NewsBot.Observability;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

using NewsBot.Sources.Reading;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Poll;

namespace NewsBot.Pipeline.Deliver;

/// <summary>
/// Sends pending alerts through their platform's sender and records the outcome. Chats are served
/// in parallel, each chat's alerts in order, so one slow chat never holds up the rest. Each alert
/// is claimed with a lease before sending: two dispatchers never send the same alert, and an alert
/// claimed by a dispatcher that died is sent by another once the lease runs out.
/// </summary>
public sealed partial class AlertDispatcher(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    IEnumerable<IChatPlatform> senders,
    Microsoft.Extensions.Options.IOptions<Configuration.SummariesOptions> summaries,
    DigestSender digests,
    IBackgroundJobClient jobs,
    TimeProvider time,
    NewsBotMetrics metrics,
    ILogger<AlertDispatcher> log,
    Scaling.LeaderElection leaders,
    Microsoft.Extensions.Options.IOptions<Scaling.ClaimLeaseOptions> lease)
{
    /// <summary>NewsBot:Delivery:ClaimLease; a dead instance's claimed alerts are re-sent after it.</summary>
    private readonly TimeSpan ClaimLease = lease.Value.ClaimLease;
    public const int MaxAttempts = 20;

    /// <summary>Longest a single send (with its pacing waits) may take before it counts as failed.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(60);
    private const int ParallelChats = 16;

    private readonly Dictionary<string, IChatPlatform> _senders = senders.ToDictionary(s => s.Name, StringComparer.Ordinal);

    private readonly SemaphoreSlim _running = new(1, 1);
    private volatile bool _rerun;

    /// <summary>
    /// Sends everything due. Requests that arrive while a run is going on are folded into it (one
    /// more round), so a burst of new alerts never piles up Hangfire workers waiting on each other.
    /// Other instances are kept apart by the per-alert claims, not by this gate.
    /// </summary>
    [Queue(Pipeline.JobQueues.Delivery)]
    [AutomaticRetry(Attempts = 3)]
    public async Task DispatchPendingAsync(CancellationToken ct)
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

    private async Task DispatchRoundsAsync(CancellationToken ct)
    {
        // A bot's rate limits are per account: only the instance leading a platform sends to it.
        var platforms = _senders.Keys.Where(leaders.MaySend).ToArray();
        while (!ct.IsCancellationRequested)
        {
            List<long> chatIds;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var now = time.GetUtcNow().UtcDateTime;
                chatIds = await DueAlerts(db, now).Where(a => platforms.Contains(a.Chat!.Platform))
                    .Select(a => a.ChatId).Distinct().Take(1000).ToListAsync(ct);
            }
            if (chatIds.Count == 0) return;
            var progress = 0;
            await Parallel.ForEachAsync(chatIds, new ParallelOptions { MaxDegreeOfParallelism = ParallelChats, CancellationToken = ct },
                async (chatId, token) => Interlocked.Add(ref progress, await DeliverChatAsync(chatId, token)));
            if (progress == 0) return; // everything left waits for a retry time or another dispatcher's lease
        }
    }

    /// <summary>Alerts to send, and sent alerts whose story gained sources (their message is edited).</summary>
    private static IQueryable<Alert> DueAlerts(NewsBotDbContext db, DateTime now) =>
        db.Alerts.Where(a => (a.Status == AlertStatus.Pending || (a.Status == AlertStatus.Sent && a.UpdatePending))
                             && a.NextAttemptAt <= now
                             && (a.ClaimedUntil == null || a.ClaimedUntil < now)
                             && !a.Chat!.Paused && a.Chat.DeactivatedReason == null);

    /// <summary>Sends the chat's due alerts oldest first; returns how many were settled.</summary>
    private async Task<int> DeliverChatAsync(long chatId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settled = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var alert = await DueAlerts(db, now).Where(a => a.ChatId == chatId).OrderBy(a => a.Id)
                .Include(a => a.Chat).Include(a => a.Article).ThenInclude(a => a!.Source)
                .AsNoTracking().FirstOrDefaultAsync(ct);
            if (alert is null) return settled;
            var claimed = await db.Alerts
                .Where(a => a.Id == alert.Id && a.Status == alert.Status && (a.ClaimedUntil == null || a.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ClaimedUntil, now + ClaimLease), ct);
            if (claimed == 0) continue; // another dispatcher took it

            var chat = alert.Chat!;
            var sender = _senders[chat.Platform];
            if (alert.HeldFor is not null)
            {
                // Held alerts are released together: one digest instead of a message each.
                await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                var digest = await digests.SendDueAsync(db, chat, sender, ClaimLease, ct);
                if (digest is not SendOutcome.Sent) return settled;
                settled++;
                continue;
            }
            if (alert.Status == AlertStatus.Pending)
            {
                switch (await digests.DecideAsync(db, chat, ct))
                {
                    case DeliveryDecision.HoldUntil hold:
                        await DigestSender.HoldAsync(db, alert, hold.Until, hold.Kind, CancellationToken.None);
                        jobs.Schedule<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), hold.Until);
                        settled++;
                        continue;
                    case DeliveryDecision.Overflow overflow:
                        await DigestSender.HoldAsync(db, alert, overflow.DigestAt, DigestKind.Overflow, CancellationToken.None);
                        jobs.Schedule<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), overflow.DigestAt);
                        settled++;
                        continue;
                }
            }
            // A claimed alert is finished even when the host is stopping: cancelling a send half-way
            // would leave the platform's answer unknown and the alert leased until the lease runs out.
            using var sendLimit = new CancellationTokenSource(SendTimeout < ClaimLease / 2 ? SendTimeout : ClaimLease / 2, time);
            SendOutcome outcome;
            var sendStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                // Page text and model summary were made once per article before the alert came due (ArticlePageEnricher).
                var content = AlertContentBuilder.Build(alert, alert.Article!, alert.Article!.Source!, summaries.Value.MaxLength);
                outcome = alert.Status == AlertStatus.Sent
                    ? await sender.UpdateAsync(chat.ExternalId, alert.PlatformMessageId, content, sendLimit.Token)
                    : await sender.SendAsync(chat.ExternalId, content, sendLimit.Token);
            }
            catch (Exception e)
            {
                outcome = new SendOutcome.RetryLater(TimeSpan.FromSeconds(30), $"{chat.Platform} sender failed: {e.Message}");
            }
            metrics.SendCompleted(chat.Platform, alert.Status == AlertStatus.Sent, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(sendStarted), alert.Attempts + 1 >= MaxAttempts);
            if (!await RecordAsync(db, alert, chat, outcome, CancellationToken.None)) return settled;
            settled++;
        }
        return settled;
    }

    /// <summary>Stores what the platform said; returns whether to go on with this chat's next alert.</summary>
    private async Task<bool> RecordAsync(NewsBotDbContext db, Alert alert, Chat chat, SendOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = db.Alerts.Where(a => a.Id == alert.Id);
        switch (outcome)
        {
            case SendOutcome.Sent when alert.Status == AlertStatus.Sent:
                // Cleared only if no source was added while the edit was in flight; otherwise edit again.
                await row.ExecuteUpdateAsync(u => u
                    .SetProperty(a => a.UpdatePending, a => a.AlsoSources != alert.AlsoSources)
                    .SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);
                return true;
            case SendOutcome.Failed failed when alert.Status == AlertStatus.Sent:
                // The alert itself was delivered; a failed edit only loses the "also" line.
                await row.ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatePending, false)
                    .SetProperty(a => a.LastError, failed.Reason).SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);
                return true;
            case SendOutcome.Sent sent:
                await row.ExecuteUpdateAsync(u => u
                    .SetProperty(a => a.UpdatePending, a => a.AlsoSources != alert.AlsoSources)
                    .SetProperty(a => a.Status, AlertStatus.Sent).SetProperty(a => a.SentAt, now)
                    .SetProperty(a => a.PlatformMessageId, sent.MessageId).SetProperty(a => a.ClaimedUntil, (DateTime?)null)
                    .SetProperty(a => a.Attempts, a => a.Attempts + 1), ct);
                return true;
            case SendOutcome.RetryLater retry when alert.Attempts + 1 < MaxAttempts:
                await row.ExecuteUpdateAsync(u => u
                    .SetProperty(a => a.NextAttemptAt, now + retry.After).SetProperty(a => a.LastError, retry.Reason)
                    .SetProperty(a => a.ClaimedUntil, (DateTime?)null).SetProperty(a => a.Attempts, a => a.Attempts + 1), ct);
                LogRetry(alert.Id, chat.Id, retry.Reason, retry.After);
                // +1 s: Hangfire stores schedule times in whole seconds and can start the job before NextAttemptAt.
                jobs.Schedule<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), retry.After + TimeSpan.FromSeconds(1));
                return false;
            case SendOutcome.RetryLater retry:
                await MarkFailedAsync(row, $"gave up after {MaxAttempts} attempts: {retry.Reason}", ct);
                return true;
            case SendOutcome.ChatGone gone:
                await db.Chats.Where(c => c.Id == chat.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.DeactivatedReason, gone.Reason), ct);
                await row.ExecuteUpdateAsync(u => u.SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);
                LogChatGone(chat.Id, chat.Platform, gone.Reason);
                return false;
            case SendOutcome.ChatMoved moved:
                await MoveChatAsync(db, chat, moved.NewChatId, ct);
                await row.ExecuteUpdateAsync(u => u.SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);
                return true;
            case SendOutcome.Failed failed:
                await MarkFailedAsync(row, failed.Reason, ct);
                LogFailed(alert.Id, chat.Id, failed.Reason);
                return true;
            default:
                throw new InvalidOperationException($"unknown send outcome {outcome.GetType().Name}");
        }
    }

    private static Task<int> MarkFailedAsync(IQueryable<Alert> row, string reason, CancellationToken ct) =>
        row.ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AlertStatus.Failed)
            .SetProperty(a => a.LastError, reason).SetProperty(a => a.ClaimedUntil, (DateTime?)null)
            .SetProperty(a => a.Attempts, a => a.Attempts + 1), ct);

    /// <summary>Telegram moves a group to a new id when it becomes a supergroup; the chat and its filters follow.</summary>
    private async Task MoveChatAsync(NewsBotDbContext db, Chat chat, string newExternalId, CancellationToken ct)
    {
        var taken = await db.Chats.AnyAsync(c => c.Platform == chat.Platform && c.ExternalId == newExternalId, ct);
        if (taken)
        {
            await db.Chats.Where(c => c.Id == chat.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.DeactivatedReason, $"moved to {newExternalId}, which already has a chat"), ct);
            return;
        }
        await db.Chats.Where(c => c.Id == chat.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ExternalId, newExternalId), ct);
        LogMoved(chat.Id, chat.ExternalId, newExternalId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert {AlertId} to chat {ChatId}: {Reason}; retry in {After}")]
    private partial void LogRetry(long alertId, long chatId, string reason, TimeSpan after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "chat {ChatId} on {Platform} deactivated: {Reason}")]
    private partial void LogChatGone(long chatId, string platform, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "alert {AlertId} to chat {ChatId} failed: {Reason}")]
    private partial void LogFailed(long alertId, long chatId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "chat {ChatId} moved from {OldId} to {NewId}")]
    private partial void LogMoved(long chatId, string oldId, string newId);
}
