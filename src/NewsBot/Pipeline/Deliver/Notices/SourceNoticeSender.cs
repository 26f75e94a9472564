using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Alerts;
using NewsBot.Core.Platforms;
using NewsBot.Pipeline.Deliver.Outbox;
using NewsBot.Platforms;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Notices;

/// <summary>
/// Sends queued source notices as plain text (like digests) through the outbox, with the alerts'
/// rules: claimed with a lease, sent only by the instance that may send to the platform, retried
/// after a 429 or outage, nothing sent to a chat that is gone.
/// </summary>
public sealed class SourceNoticeSender(IDbContextFactory<NewsBotDbContext> dbFactory, ChatPlatforms platforms, Outbox.Outbox outbox)
{
    /// <summary>Sends every due notice this instance may send; returns how many the platforms accepted.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        var sendable = platforms.SendableNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = outbox.Now;
        var due = await db.SourceNotices.AsNoTracking()
            .Where(n => n.Status == AlertStatus.Pending && n.NextAttemptAt <= now && sendable.Contains(n.Platform))
            .Where(OutboxClaim.Free<SourceNotice>(now))
            .Where(n => n.ChatId == null || db.Chats.Any(c => c.Id == n.ChatId && c.DeactivatedReason == null))
            .OrderBy(n => n.Id).Take(200).ToListAsync(ct);
        var waiting = new HashSet<(string, string)>(); // a target that asked us to wait gets nothing more this round
        var sent = 0;
        foreach (var notice in due)
        {
            if (ct.IsCancellationRequested || waiting.Contains((notice.Platform, notice.Target))) continue;
            var row = db.SourceNotices.Where(n => n.Id == notice.Id && n.Status == AlertStatus.Pending);
            if (await outbox.ClaimAsync(row, 1, ct) is null) continue; // another instance has it
            var platform = platforms.Find(notice.Platform)!;
            var outcome = await outbox.SendAsync(platform.Name, token => SendAsync(platform, notice, token));
            if (outcome is SendOutcome.Sent) sent++;
            var record = await outbox.RecordAsync(db, Item(db, notice), outcome, CancellationToken.None);
            if (!record.GoOn) waiting.Add((notice.Platform, notice.Target));
        }
        return sent;
    }

    private static Task<SendOutcome> SendAsync(IChatPlatform platform, SourceNotice notice, CancellationToken ct)
    {
        if (!notice.Target.StartsWith(SourceNotice.UserTargetPrefix, StringComparison.Ordinal))
            return platform.SendTextAsync(notice.Target, notice.Text, ct);
        return platform.Capabilities.CanMessageUser
            ? platform.SendTextToUserAsync(notice.Target[SourceNotice.UserTargetPrefix.Length..], notice.Text, ct)
            : Task.FromResult<SendOutcome>(new SendOutcome.Failed($"{platform.Name} cannot send to a user id"));
    }

    private static OutboxItem<SourceNotice> Item(NewsBotDbContext db, SourceNotice notice) =>
        new($"source notice {notice.Id}", db.SourceNotices.Where(n => n.Id == notice.Id), notice.Attempts,
            new OutboxAddress(notice.Platform, notice.Target, notice.ChatId))
        {
            FailsWithChat = true,
            // Telegram group → supergroup: the chat row follows in the outbox; the notice is sent to the new id now.
            Retarget = (u, newId) => u.SetProperty(n => n.Target, newId),
        };
}
