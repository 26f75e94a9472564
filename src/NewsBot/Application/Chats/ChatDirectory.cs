using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Filters;
using NewsBot.Discord.Sending;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Chats;

/// <summary>
/// Finds, creates, pauses and forgets chats for chat commands, webhook registration and seeding, so
/// a chat is identified one way (platform + platform id; a Discord webhook by its webhook id) and
/// its filters leave the live index when it goes.
/// </summary>
public sealed class ChatDirectory(ChatFilters filters, TimeProvider time)
{
    /// <summary>The chat with this platform id, created (titled <paramref name="title"/>) on first use.</summary>
    public Task<Chat> FindOrCreateAsync(NewsBotDbContext db, string platform, string externalId, string? title, CancellationToken ct) =>
        FindOrCreateAsync(db, platform, externalId, title, null, ct);

    /// <summary>
    /// The chat with this platform id; a forum topic or thread (<paramref name="parentExternalId"/> set) remembers
    /// the chat it belongs to, where the notice goes when it is closed or deleted.
    /// </summary>
    public async Task<Chat> FindOrCreateAsync(NewsBotDbContext db, string platform, string externalId, string? title, string? parentExternalId, CancellationToken ct)
    {
        var chat = db.Chats.Local.FirstOrDefault(c => c.Platform == platform && c.ExternalId == externalId)
                   ?? await db.Chats.FirstOrDefaultAsync(c => c.Platform == platform && c.ExternalId == externalId, ct);
        if (chat is not null)
        {
            if (parentExternalId is not null && chat.ParentExternalId != parentExternalId)
            {
                chat.ParentExternalId = parentExternalId;
                await db.SaveChangesAsync(ct);
            }
            return chat;
        }
        chat = new Chat
        {
            Platform = platform, ExternalId = externalId, Title = title, ParentExternalId = parentExternalId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Chats.Add(chat);
        await db.SaveChangesAsync(ct);
        return chat;
    }

    /// <summary>
    /// The chat of a Discord webhook, created on first use. A webhook is the same chat whatever its
    /// URL's spelling (discord.com or discordapp.com, another API version), so it is matched by
    /// webhook id; a new token replaces the stored one (Discord resets tokens, the old one stops working).
    /// </summary>
    public async Task<(Chat Chat, bool Created)> FindOrCreateWebhookAsync(NewsBotDbContext db, string url, string title, CancellationToken ct)
    {
        var parsed = WebhookUrl.TryParse(url);
        var chat = parsed?.Id is { } id ? await FindWebhookAsync(db, id, ct) : null;
        if (chat is null)
            return (await FindOrCreateAsync(db, DiscordWebhookSender.PlatformName, url, title, ct), true);
        if (WebhookUrl.TryParse(chat.ExternalId)?.Token != parsed?.Token)
        {
            chat.ExternalId = url;
            await db.SaveChangesAsync(ct);
        }
        return (chat, false);
    }

    /// <summary>Few webhook chats exist; they are matched in memory since a stored URL may be spelled another way.</summary>
    private static async Task<Chat?> FindWebhookAsync(NewsBotDbContext db, string webhookId, CancellationToken ct)
    {
        await db.Chats.Where(c => c.Platform == DiscordWebhookSender.PlatformName).LoadAsync(ct);
        return db.Chats.Local.Where(c => c.Platform == DiscordWebhookSender.PlatformName)
            .FirstOrDefault(c => WebhookUrl.TryParse(c.ExternalId)?.Id == webhookId);
    }

    public async Task SetPausedAsync(NewsBotDbContext db, Chat chat, bool paused, CancellationToken ct)
    {
        chat.Paused = paused;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The chat can receive messages again (/start, a confirmed webhook). True when it had been deactivated.</summary>
    public async Task<bool> ReactivateAsync(NewsBotDbContext db, Chat chat, CancellationToken ct)
    {
        var wasDeactivated = chat.DeactivatedReason is not null;
        chat.DeactivatedReason = null;
        await db.SaveChangesAsync(ct);
        return wasDeactivated;
    }

    /// <summary>
    /// Deletes the chat; its filters, alerts and notices go with it (cascading keys) and its filters
    /// leave the live index. False when there is no such chat.
    /// </summary>
    public async Task<bool> ForgetAsync(NewsBotDbContext db, string platform, string externalId, CancellationToken ct)
    {
        var chat = await db.Chats.Include(c => c.Filters)
            .FirstOrDefaultAsync(c => c.Platform == platform && c.ExternalId == externalId, ct);
        if (chat is null) return false;
        var filterIds = chat.Filters.Select(f => f.Id).ToList();
        db.Chats.Remove(chat);
        await db.SaveChangesAsync(ct);
        filters.Forget(filterIds);
        return true;
    }
}
