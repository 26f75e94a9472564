using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Chats;
using NewsBot.Core.Commands;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Deliver.Outbox;

/// <summary>What the outbox does to a chat row when the platform says the chat is gone or has moved.</summary>
public static class ChatChanges
{
    /// <summary>Nothing is sent to a deactivated chat (alerts, digests, notices) until it comes back.</summary>
    public static Task<int> DeactivateAsync(NewsBotDbContext db, long chatId, string reason, CancellationToken ct) =>
        db.Chats.Where(c => c.Id == chatId).ExecuteUpdateAsync(u => u.SetProperty(c => c.DeactivatedReason, reason), ct);

    /// <summary>
    /// The platform said the chat is gone. The first time (the chat was active) a topic's or thread's parent chat is
    /// told, in the same transaction (<see cref="TopicGoneNotice"/>): once per going, however many alerts were waiting.
    /// Later reports only refresh the reason.
    /// </summary>
    public static async Task GoneAsync(NewsBotDbContext db, long chatId, string reason, ICommandNaming naming, DateTime now, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var newlyGone = await db.Chats.Where(c => c.Id == chatId && c.DeactivatedReason == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.DeactivatedReason, reason), ct) > 0;
            if (newlyGone) await TopicGoneNotice.QueueAsync(db, chatId, reason, naming, now, ct);
            else await DeactivateAsync(db, chatId, reason, ct);
            if (own is not null) await own.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Telegram moves a group to a new id when it becomes a supergroup; the chat and its filters follow.
    /// Returns false when the new id already has a chat: this one is deactivated instead.
    /// </summary>
    public static async Task<bool> MoveAsync(NewsBotDbContext db, long chatId, string platform, string newExternalId, CancellationToken ct)
    {
        if (await db.Chats.AnyAsync(c => c.Platform == platform && c.ExternalId == newExternalId, ct))
        {
            await DeactivateAsync(db, chatId, $"moved to {newExternalId}, which already has a chat", ct);
            return false;
        }
        await db.Chats.Where(c => c.Id == chatId).ExecuteUpdateAsync(u => u.SetProperty(c => c.ExternalId, newExternalId), ct);
        return true;
    }
}
