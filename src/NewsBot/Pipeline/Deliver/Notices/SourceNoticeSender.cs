using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Alerts;
using NewsBot.Core.Delivery;
using NewsBot.Core.Platforms;
using NewsBot.Pipeline.Deliver.Outbox;
using NewsBot.Platforms;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Notices;

/// <summary>
/// Sends queued source notices as plain text (like digests) through the outbox, with the alerts'
/// rules: claimed with a lease, sent only by the instance that may send to the platform, retried
/// after a 429 or outage, nothing sent to a chat that is gone, and held through the chat's quiet hours and digests.
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
        var settings = await SettingsAsync(db, due, ct);
        var sent = 0;
        foreach (var notice in due)
        {
            if (ct.IsCancellationRequested || waiting.Contains((notice.Platform, notice.Target))) continue;
            if (await WaitsForChatAsync(db, notice, settings, ct)) continue;
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

    /// <summary>
    /// The delivery settings of the chats the notices go to: a subscribed chat's row, or for an admin's notice the
    /// chat row of the admin's private chat with the bot when there is one (a Telegram admin's user id is that chat's id).
    /// </summary>
    private static async Task<Dictionary<(string Platform, string Target), string?>> SettingsAsync(NewsBotDbContext db, List<SourceNotice> due, CancellationToken ct)
    {
        var chatIds = due.Where(n => n.ChatId != null).Select(n => n.ChatId!.Value).Distinct().ToList();
        var targets = due.Where(n => n.ChatId == null).Select(n => n.Target).Distinct().ToList();
        var rows = await db.Chats.AsNoTracking().Where(c => chatIds.Contains(c.Id) || targets.Contains(c.ExternalId))
            .Select(c => new { c.Platform, c.ExternalId, c.DeliveryPreferences }).ToListAsync(ct);
        return rows.ToDictionary(c => (c.Platform, c.ExternalId), c => c.DeliveryPreferences);
    }

    /// <summary>
    /// Quiet hours and digests hold a notice as they hold alerts (<see cref="NoticeTiming"/>): it waits, unclaimed and
    /// without spending an attempt, until it may go; the next round after that sends it.
    /// </summary>
    private async Task<bool> WaitsForChatAsync(NewsBotDbContext db, SourceNotice notice, Dictionary<(string, string), string?> settings, CancellationToken ct)
    {
        if (!settings.TryGetValue((notice.Platform, notice.Target), out var stored) || stored is null) return false;
        var prefs = DeliveryPreferencesText.ReadOrDefault(stored);
        var queued = new DateTimeOffset(notice.CreatedAt, TimeSpan.Zero);
        if (NoticeTiming.WaitUntil(prefs, queued, new DateTimeOffset(outbox.Now, TimeSpan.Zero)) is not { } until) return false;
        await db.SourceNotices.Where(n => n.Id == notice.Id && n.Status == AlertStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.NextAttemptAt, until.UtcDateTime), ct);
        return true;
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
