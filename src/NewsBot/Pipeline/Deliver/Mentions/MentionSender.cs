using Hangfire;
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
/// this round; other chats go on. A job of its own in the delivery lane (the alert dispatcher starts it when
/// mentions wait), so a group's 20-messages-a-minute pace never holds up anyone's private alerts.
/// </summary>
public sealed class MentionSender(
    IDbContextFactory<NewsBotDbContext> dbFactory, ChatPlatforms platforms, Outbox.Outbox outbox, MemberCheck members, IBackgroundJobClient jobs) : IDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private volatile bool _rerun;

    public void Dispose() => _running.Dispose();

    /// <summary>Whether any mention waits to be sent (one indexed look), so the dispatcher starts this job only then.</summary>
    public static Task<bool> AnyPendingAsync(NewsBotDbContext db, CancellationToken ct) =>
        db.MemberMentions.AnyAsync(m => m.Status == AlertStatus.Pending, ct);

    /// <summary>
    /// Sends what is due, as the alert dispatcher does: requests that arrive meanwhile fold into one more round,
    /// and a wait (a retry time, mentions still gathering) schedules the job again.
    /// </summary>
    [Queue(Pipeline.JobQueues.Delivery)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task DispatchAsync(CancellationToken ct)
    {
        _rerun = true;
        while (_rerun && !ct.IsCancellationRequested)
        {
            if (!await _running.WaitAsync(0, ct)) return;
            try
            {
                while (_rerun && !ct.IsCancellationRequested)
                {
                    _rerun = false;
                    // +1 s: Hangfire stores schedule times in whole seconds and can start the job before NextAttemptAt.
                    if (await SendPendingAsync(ct) is { } retryIn)
                        jobs.Schedule<MentionSender>(m => m.DispatchAsync(CancellationToken.None), retryIn + TimeSpan.FromSeconds(1));
                }
            }
            finally
            {
                _running.Release();
            }
        }
    }

    /// <summary>Mention messages one chat gets in one round at most; the next round takes the rest.</summary>
    private const int RoundLimit = 200;

    /// <summary>Chats served at once, each its mentions in order, as the alert dispatcher serves chats.</summary>
    private const int ParallelChats = 8;

    /// <summary>
    /// How long an article's mentions in a chat wait for its private sends there to be tried once: a member whose
    /// private chat turns out unreachable then joins the same message instead of getting one of their own.
    /// </summary>
    public static readonly TimeSpan Gather = TimeSpan.FromSeconds(60);

    /// <summary>Sends the due mentions this instance may send; returns when the earliest retry is due (null: none waits).</summary>
    public async Task<TimeSpan?> SendPendingAsync(CancellationToken ct)
    {
        var sendable = platforms.SendableNow();
        List<(long ChatId, long ArticleId)> groups;
        TimeSpan? retry;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = outbox.Now;
            groups = (await Due(db, now).Where(m => sendable.Contains(m.Chat!.Platform))
                .Select(m => new { m.ChatId, m.ArticleId }).Distinct().Take(1000).ToListAsync(ct)).Select(g => (g.ChatId, g.ArticleId)).ToList();
            // Mentions still gathering are looked at again once their time is up, even if nothing else wakes the job.
            retry = await Pending(db, now).CountAsync(ct) > await Due(db, now).CountAsync(ct) ? Gather : null;
        }
        var gate = new object();
        await Parallel.ForEachAsync(groups.GroupBy(g => g.ChatId), new ParallelOptions { MaxDegreeOfParallelism = ParallelChats, CancellationToken = ct },
            async (chat, token) =>
            {
                var after = await SendChatAsync(chat.Key, chat.Select(g => g.ArticleId), token);
                lock (gate) if (after is { } a && (retry is null || a < retry)) retry = a;
            });
        return retry;
    }

    /// <summary>One chat's articles in order, a message at a time, until none is left, the chat asks us to wait, or the round is full.</summary>
    private async Task<TimeSpan?> SendChatAsync(long chatId, IEnumerable<long> articleIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var messages = 0;
        TimeSpan? retry = null;
        foreach (var articleId in articleIds)
        {
            while (!ct.IsCancellationRequested && messages < RoundLimit)
            {
                if (await SendGroupAsync(db, chatId, articleId, ct) is not { } record) break;
                messages++;
                if (record.RetryIn is { } after) retry = after;
                if (!record.GoOn) return retry;
            }
        }
        return messages >= RoundLimit ? TimeSpan.Zero : retry;
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

    /// <summary>One message for the first members of the article's pending mentions in the chat; null when none is left or another instance has them.</summary>
    private async Task<OutboxRecord?> SendGroupAsync(NewsBotDbContext db, long chatId, long articleId, CancellationToken ct)
    {
        var chat = await db.Chats.AsNoTracking().FirstAsync(c => c.Id == chatId, ct);
        var platform = platforms.Find(chat.Platform)!;
        var ids = await Due(db, outbox.Now).Where(m => m.ChatId == chatId && m.ArticleId == articleId)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(platform.Capabilities.MaxMentionsPerMessage).ToListAsync(ct);
        if (ids.Count == 0) return null;
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
