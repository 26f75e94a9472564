using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Chats;
using NewsBot.Core.Commands;
using NewsBot.Discord.Sending;
using NewsBot.Storage;

namespace NewsBot.Commands;

/// <summary>
/// /newsadmin addwebhook: a Discord webhook becomes a chat of its own (platform "discord-webhook", the URL as
/// its id, as configured webhooks are stored), so alerts reach it through the same filters and delivery queue.
/// The URL carries the webhook's token, so replies name the webhook by id and masked URL only.
/// </summary>
public sealed class WebhookCommands(FilterCommands filters, ChatDirectory chats)
{
    public async Task<CommandReply> AddAsync(NewsBotDbContext db, ChatCommand.AddWebhook cmd, string addedBy, CancellationToken ct)
    {
        var title = string.IsNullOrWhiteSpace(cmd.Title) ? "Discord webhook" : cmd.Title.Trim();
        var (chat, created) = await chats.FindOrCreateWebhookAsync(db, cmd.Url, title, ct);
        var known = !created;
        await chats.ReactivateAsync(db, chat, ct); // Discord just confirmed the webhook exists

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
