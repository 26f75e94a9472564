using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Platforms;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Mentions;

/// <summary>
/// The delivery rules of a personal alert (one with <see cref="Alert.ViaChatId"/>), which is otherwise its
/// member's private chat's alert: a member who left the shared chat gets nothing more from it, and a member
/// no private message reaches (blocked the bot, never started it, closed DMs) is mentioned in the shared chat.
/// </summary>
public sealed partial class PersonalAlerts(MemberCheck members, TimeProvider time, ILogger<PersonalAlerts> log)
{
    /// <summary>Marks the claimed alert failed when its member left the shared chat; returns whether it did.</summary>
    public async Task<bool> DropIfMemberLeftAsync(NewsBotDbContext db, Alert alert, IChatPlatform platform, CancellationToken ct)
    {
        if (await OwnerAsync(db, alert, ct) is not { } owner) return false;
        if (await members.IsMemberAsync(platform, owner.SharedExternalId, owner.UserId, ct)) return false;
        var reason = $"member {owner.UserId} left {platform.Name} chat {alert.ViaChatId}; their personal filters there stay until /unfollow";
        await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AlertStatus.Failed)
            .SetProperty(a => a.LastError, reason).SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);
        LogLeft(alert.Id, reason);
        return true;
    }

    /// <summary>
    /// The member's private chat is gone (<paramref name="reason"/> is the platform's word): in one transaction the
    /// chat is deactivated and every pending personal alert to it becomes a mention in its shared chat, failed here
    /// with the reason. A later /start in the private chat brings private alerts back.
    /// </summary>
    public async Task MentionInsteadAsync(NewsBotDbContext db, long privateChatId, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Outbox.ChatChanges.DeactivateAsync(db, privateChatId, reason, ct);
        var pending = await db.Alerts.AsNoTracking().Where(a => a.ChatId == privateChatId && a.ViaChatId != null && a.Status == AlertStatus.Pending)
            .Join(db.Filters, a => a.FilterId, f => f.Id, (a, f) => new { a.Id, a.ViaChatId, a.ArticleId, a.MatchedTerms, f.OwnerUserId, f.OwnerName })
            .Where(x => x.OwnerUserId != null).ToListAsync(ct);
        foreach (var p in pending.DistinctBy(p => (p.ViaChatId, p.ArticleId)))
        {
            if (await db.MemberMentions.AnyAsync(m => m.ChatId == p.ViaChatId && m.ArticleId == p.ArticleId && m.UserId == p.OwnerUserId, ct)) continue;
            db.MemberMentions.Add(new MemberMention
            {
                ChatId = p.ViaChatId!.Value, ArticleId = p.ArticleId, UserId = p.OwnerUserId!, UserName = p.OwnerName,
                MatchedTerms = p.MatchedTerms, Status = AlertStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        var ids = pending.Select(p => p.Id).ToList();
        var failed = $"{reason}; mentioned in the shared chat instead";
        await db.Alerts.Where(a => ids.Contains(a.Id) || (a.ChatId == privateChatId && a.ViaChatId != null && a.Status == AlertStatus.Pending))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AlertStatus.Failed).SetProperty(a => a.LastError, failed.Length <= 500 ? failed : failed[..500])
                .SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);
        await tx.CommitAsync(ct);
        if (pending.Count > 0) LogMentioned(privateChatId, pending.Count, reason);
    }

    private sealed record Owner(string UserId, string SharedExternalId);

    private static Task<Owner?> OwnerAsync(NewsBotDbContext db, Alert alert, CancellationToken ct) =>
        db.Filters.Where(f => f.Id == alert.FilterId && f.OwnerUserId != null)
            .Join(db.Chats, f => f.ChatId, c => c.Id, (f, c) => new Owner(f.OwnerUserId!, c.ExternalId))
            .FirstOrDefaultAsync(ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "personal alert {AlertId} dropped: {Reason}")]
    private partial void LogLeft(long alertId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "private chat {ChatId} unreachable ({Reason}): {Count} personal alerts become mentions in their shared chats")]
    private partial void LogMentioned(long chatId, int count, string reason);
}
