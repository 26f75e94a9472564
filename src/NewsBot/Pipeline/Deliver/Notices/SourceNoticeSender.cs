using NewsBot.Core.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Core.Alerts;
using NewsBot.Discord.Sending;
using NewsBot.Scaling;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

using NewsBot.Sources.Reading;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Poll;

namespace NewsBot.Pipeline.Deliver.Notices;

/// <summary>
/// Sends queued source notices as plain text (like digests) and records what the platform said,
/// with the alert dispatcher's rules: claimed with a lease, sent only by the instance that may send
/// to the platform, retried after a 429 or outage, dropped for a chat that is gone.
/// </summary>
public sealed partial class SourceNoticeSender(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    IEnumerable<IChatPlatform> senders,
    LeaderElection leaders,
    IOptions<ClaimLeaseOptions> lease,
    TimeProvider time,
    ILogger<SourceNoticeSender> log)
{
    public const int MaxAttempts = 20;
    private readonly Dictionary<string, IChatPlatform> _senders = senders.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Sends every due notice this instance may send; returns how many the platforms accepted.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        var platforms = _senders.Keys.Where(leaders.MaySend).ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.SourceNotices.AsNoTracking()
            .Where(n => n.Status == AlertStatus.Pending && n.NextAttemptAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < now) && platforms.Contains(n.Platform))
            .OrderBy(n => n.Id).Take(200).ToListAsync(ct);
        var waiting = new HashSet<(string, string)>(); // a target that asked us to wait gets nothing more this round
        var sent = 0;
        foreach (var notice in due)
        {
            if (ct.IsCancellationRequested || waiting.Contains((notice.Platform, notice.Target))) continue;
            var claimed = await db.SourceNotices.Where(n => n.Id == notice.Id && n.Status == AlertStatus.Pending && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.ClaimedUntil, now + lease.Value.ClaimLease), ct);
            if (claimed == 0) continue; // another instance has it
            var outcome = await SendAsync(notice, ct);
            if (outcome is SendOutcome.Sent) sent++;
            if (outcome is SendOutcome.RetryLater) waiting.Add((notice.Platform, notice.Target));
            await RecordAsync(db, notice, outcome, CancellationToken.None);
        }
        return sent;
    }

    private async Task<SendOutcome> SendAsync(SourceNotice notice, CancellationToken ct)
    {
        var sender = _senders[notice.Platform];
        // Once claimed, a send is finished even when the host stops; the timeout keeps it inside the lease.
        using var limit = new CancellationTokenSource(lease.Value.ClaimLease / 2, time);
        try
        {
            if (notice.Target.StartsWith(SourceNotice.UserTargetPrefix, StringComparison.Ordinal))
                return sender is DiscordAlertSender discord
                    ? await discord.SendTextToUserAsync(notice.Target[SourceNotice.UserTargetPrefix.Length..], notice.Text, limit.Token)
                    : new SendOutcome.Failed($"{notice.Platform} cannot send to a user id");
            return await sender.SendTextAsync(notice.Target, notice.Text, limit.Token);
        }
        catch (Exception e)
        {
            return new SendOutcome.RetryLater(TimeSpan.FromSeconds(30), $"{notice.Platform} sender failed: {e.Message}");
        }
    }

    private async Task RecordAsync(NewsBotDbContext db, SourceNotice notice, SendOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = db.SourceNotices.Where(n => n.Id == notice.Id);
        switch (outcome)
        {
            case SendOutcome.Sent:
                await row.ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, AlertStatus.Sent).SetProperty(n => n.SentAt, now)
                    .SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
                return;
            case SendOutcome.RetryLater retry when notice.Attempts + 1 < MaxAttempts:
                await row.ExecuteUpdateAsync(u => u.SetProperty(n => n.NextAttemptAt, now + retry.After).SetProperty(n => n.LastError, retry.Reason)
                    .SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
                LogRetry(notice.Id, notice.Platform, retry.Reason, retry.After);
                return;
            case SendOutcome.RetryLater retry:
                await MarkFailedAsync(row, $"gave up after {MaxAttempts} attempts: {retry.Reason}", ct);
                return;
            case SendOutcome.ChatGone gone:
                // The same as for alerts: a subscribed chat that is gone is deactivated, so nothing else is sent to it.
                if (notice.ChatId is { } chatId)
                    await db.Chats.Where(c => c.Id == chatId).ExecuteUpdateAsync(u => u.SetProperty(c => c.DeactivatedReason, gone.Reason), ct);
                await MarkFailedAsync(row, gone.Reason, ct);
                LogFailed(notice.Id, notice.Platform, gone.Reason);
                return;
            case SendOutcome.ChatMoved moved:
                // Telegram group → supergroup: send to the new id now; the alert dispatcher moves the chat row itself.
                await row.ExecuteUpdateAsync(u => u.SetProperty(n => n.Target, moved.NewChatId).SetProperty(n => n.ClaimedUntil, (DateTime?)null), ct);
                return;
            case SendOutcome.Failed failed:
                await MarkFailedAsync(row, failed.Reason, ct);
                LogFailed(notice.Id, notice.Platform, failed.Reason);
                return;
            default:
                throw new InvalidOperationException($"unknown send outcome {outcome.GetType().Name}");
        }
    }

    private static Task<int> MarkFailedAsync(IQueryable<SourceNotice> row, string reason, CancellationToken ct) =>
        row.ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, AlertStatus.Failed).SetProperty(n => n.LastError, reason)
            .SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "source notice {NoticeId} on {Platform}: {Reason}; retry in {After}")]
    private partial void LogRetry(long noticeId, string platform, string reason, TimeSpan after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "source notice {NoticeId} on {Platform} failed: {Reason}")]
    private partial void LogFailed(long noticeId, string platform, string reason);
}
