using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Commands;
using NewsBot.Discord.Sending;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Commands;

/// <summary>
/// /newsadmin addwebhook: a Discord webhook becomes a chat of its own (platform "discord-webhook", the URL as
/// its id, as configured webhooks are stored), so alerts reach it through the same filters and delivery queue.
/// The URL carries the webhook's token, so replies name the webhook by id and masked URL only.
/// </summary>
public sealed class WebhookCommands(FilterCommands filters, TimeProvider time)
{
    public async Task<CommandReply> AddAsync(NewsBotDbContext db, ChatCommand.AddWebhook cmd, string addedBy, CancellationToken ct)
    {
        // Few webhook chats exist; they are matched by webhook id, since a URL may be stored in another spelling.
        var chat = (await db.Chats.Where(c => c.Platform == DiscordWebhookSender.PlatformName).ToListAsync(ct))
            .FirstOrDefault(c => WebhookUrl.TryParse(c.ExternalId)?.Id == cmd.WebhookId);
        var known = chat is not null;
        if (chat is null)
        {
            chat = new Chat
            {
                Platform = DiscordWebhookSender.PlatformName, ExternalId = cmd.Url,
                Title = string.IsNullOrWhiteSpace(cmd.Title) ? "Discord webhook" : cmd.Title.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Chats.Add(chat);
        }
        else if (WebhookUrl.TryParse(chat.ExternalId)?.Token != WebhookUrl.TryParse(cmd.Url)?.Token)
        {
            chat.ExternalId = cmd.Url; // the token was reset in Discord; the old one no longer works
        }
        chat.DeactivatedReason = null; // Discord just confirmed the webhook exists
        await db.SaveChangesAsync(ct);

        var masked = WebhookUrl.MaskIfWebhook(cmd.Url);
        var lead = known
            ? $"Webhook '{chat.Title}' ({masked}) is already a destination."
            : $"Webhook '{chat.Title}' ({masked}) is now a destination for alerts.";
        if (cmd.Filter is { Length: > 0 } filter)
            return new CommandReply($"{lead}\n{(await filters.AddAsync(db, chat, filter, addedBy, ct)).Body}");
        var count = await db.Filters.CountAsync(f => f.ChatId == chat.Id, ct);
        return new CommandReply($"{lead}\nIt has {count} {(count == 1 ? "filter" : "filters")}. " +
            $"Give it one with {CommandMention.Of("addwebhook")} and the same URL plus a filter.");
    }
}
