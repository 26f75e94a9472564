using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Alerts;
using NewsBot.Core.Platforms;
using NewsBot.Pipeline.Deliver.Outbox;
using NewsBot.Platforms;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Mentions;

/// <summary>
/// Sends pending <see cref="MemberMention"/>s through the outbox: the mentions of one article in one shared chat
/// go out as one short message naming everyone (split at the platform's
/// <see cref="PlatformCapabilities.MaxMentionsPerMessage"/>), claimed, retried and given up like alerts. A member
/// who left the chat is not mentioned (<see cref="MemberCheck"/>). A chat that asks us to wait gets nothing more
/// this round; other chats go on.
/// </summary>
public sealed class MentionSender(IDbContextFactory<NewsBotDbContext> dbFactory, ChatPlatforms platforms, Outbox.Outbox outbox, MemberCheck members)
{
    /// <summary>Mention messages one round sends at most; the next round (the dispatcher runs again) takes the rest.</summary>
    private const int RoundLimit = 500;

    /// <summary>
    /// How long an article's mentions in a chat wait for its private sends there to be tried once: a member whose
    /// private chat turns out unreachable then joins the same message instead of getting one of their own.
    /// </summary>
    public static readonly TimeSpan Gather = TimeSpan.FromSeconds(60);

    /// <summary>Sends the due mentions this instance may send; returns when the earliest retry is due (null: none waits).</summary>
    public async Task<TimeSpan?> SendPendingAsync(CancellationToken ct)
    {
        var sendable = platforms.SendableNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = outbox.Now;
        var groups = await Due(db, now).Where(m => sendable.Contains(m.Chat!.Platform))
            .Select(m => new { m.ChatId, m.ArticleId }).Distinct().Take(RoundLimit).ToListAsync(ct);
        var waiting = new HashSet<long>();
        // Mentions still gathering are looked at again once their time is up, even if nothing else wakes the dispatcher.
        TimeSpan? retry = await Pending(db, now).CountAsync(ct) > await Due(db, now).CountAsync(ct) ? Gather : null;
        foreach (var group in groups)
        {
            if (ct.IsCancellationRequested || waiting.Contains(group.ChatId)) continue;
            var record = await SendGroupAsync(db, group.ChatId, group.ArticleId, ct);
            if (record is { GoOn: false }) waiting.Add(group.ChatId);
            if (record?.RetryIn is { } after && (retry is null || after < retry)) retry = after;
        }
        return retry;
    }

    /// <summary>Mentions that may go now: pending, unclaimed, their chat there, and done gathering (<see cref="Gather"/>).</summary>
    public static IQueryable<MemberMention> Due(NewsBotDbContext db, DateTime now)
    {
        var gathered = now - Gather;
        return Pending(db, now).Where(m => m.CreatedAt <= gathered || !db.Alerts.Any(a => a.ViaChatId == m.ChatId && a.ArticleId == m.ArticleId
            && a.Status == AlertStatus.Pending && a.HeldFor == null && a.Attempts == 0));
    }

    private static IQueryable<MemberMention> Pending(NewsBotDbContext db, DateTime now) =>
        db.MemberMentions.Where(m => m.Status == AlertStatus.Pending && m.NextAttemptAt <= now)
            .Where(OutboxClaim.Free<MemberMention>(now))
            .Where(m => m.Chat!.DeactivatedReason == null);

    /// <summary>One message for the first members of the article's pending mentions in the chat; null when another instance has them.</summary>
    private async Task<OutboxRecord?> SendGroupAsync(NewsBotDbContext db, long chatId, long articleId, CancellationToken ct)
    {
        var chat = await db.Chats.AsNoTracking().FirstAsync(c => c.Id == chatId, ct);
        var platform = platforms.Find(chat.Platform)!;
        var ids = await Due(db, outbox.Now).Where(m => m.ChatId == chatId && m.ArticleId == articleId)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(platform.Capabilities.MaxMentionsPerMessage).ToListAsync(ct);
        var rows = db.MemberMentions.Where(m => ids.Contains(m.Id) && m.Status == AlertStatus.Pending);
        if (await outbox.ClaimAsync(rows, ids.Count, ct) is null) return null;
        var claimed = await rows.AsNoTracking().Include(m => m.Article).ToListAsync(ct);
        var present = new List<MemberMention>(claimed.Count);
        foreach (var mention in claimed)
        {
            if (await members.IsMemberAsync(platform, chat.ExternalId, mention.UserId, ct)) present.Add(mention);
            else await MarkLeftAsync(db, mention, chat, ct);
        }
        if (present.Count == 0) return new OutboxRecord(GoOn: true);
        var article = present[0].Article!;
        var message = new MentionMessage(article.Title, article.Link, present.Select(m => new MentionedMember(m.UserId, m.UserName)).ToList());
        var outcome = await outbox.SendAsync(platform.Name, token => platform.SendMentionsAsync(chat.ExternalId, message, token));
        var presentIds = present.Select(m => m.Id).ToList();
        var item = new OutboxItem<MemberMention>($"mentions of article {articleId} ({present.Count} members)",
            db.MemberMentions.Where(m => presentIds.Contains(m.Id)), present.Max(m => m.Attempts), new OutboxAddress(chat.Platform, chat.ExternalId, chat.Id))
        {
            MarkSent = (u, sent, now) => u.SetProperty(m => m.Status, AlertStatus.Sent).SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.PlatformMessageId, sent.MessageId).SetProperty(m => m.Attempts, m => m.Attempts + 1),
        };
        return await outbox.RecordAsync(db, item, outcome, CancellationToken.None);
    }

    private static Task<int> MarkLeftAsync(NewsBotDbContext db, MemberMention mention, Chat chat, CancellationToken ct) =>
        db.MemberMentions.Where(m => m.Id == mention.Id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, AlertStatus.Failed).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, $"member {mention.UserId} is no longer in {chat.Platform} chat {chat.Id}; not mentioned"), ct);
}
