using Microsoft.EntityFrameworkCore;
using NewsBot.Configuration;
using NewsBot.Discord;
using NewsBot.Discord.Sending;
using NewsBot.Console;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Startup;

/// <summary>Adds what the configuration asks for and the database lacks: seed sources, the console chat and configured webhooks with their filters.</summary>
public static class SeedData
{
    public static async Task ApplyAsync(NewsBotDbContext db, SourcesOptions sources, ConsoleOptions console, DiscordOptions discord, DateTime now, CancellationToken ct)
    {
        foreach (var seed in sources.Seed)
        {
            if (await db.Sources.AnyAsync(s => s.Url == seed.Url, ct)) continue;
            db.Sources.Add(new Source
            {
                Name = seed.Name,
                Url = seed.Url,
                PollInterval = seed.PollInterval,
                AlertOnFirstFetch = seed.AlertOnFirstFetch,
                NextPollAt = now,
                CreatedAt = now,
            });
        }

        if (console.Filters.Count > 0)
        {
            var chat = await FindOrAddChatAsync(db, ConsoleAlertSender.PlatformName, ConsoleAlertSender.DefaultChatId, "console", now, ct);
            // Nobody can type commands into the console chat, so its filters are exactly the configured ones.
            chat.Filters.RemoveAll(f => !console.Filters.Contains(f.Text));
            AddMissingFilters(chat, console.Filters, now);
        }
        foreach (var webhook in discord.Webhooks)
        {
            var chat = await FindWebhookChatAsync(db, webhook.Url, ct)
                       ?? await FindOrAddChatAsync(db, DiscordWebhookSender.PlatformName, webhook.Url, "Discord webhook", now, ct);
            // A reset token in the configuration replaces the stored one (the old token no longer works).
            if (WebhookUrl.TryParse(chat.ExternalId)?.Token != WebhookUrl.TryParse(webhook.Url)?.Token) chat.ExternalId = webhook.Url;
            // Configuration adds missing filters and never deletes: an admin may have given the same webhook
            // filters with /newsadmin addwebhook, and the database cannot tell those from configured ones.
            AddMissingFilters(chat, webhook.Filters, now);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Chat> FindOrAddChatAsync(NewsBotDbContext db, string platform, string externalId, string title, DateTime now, CancellationToken ct)
    {
        var chat = db.Chats.Local.FirstOrDefault(c => c.Platform == platform && c.ExternalId == externalId)
                   ?? await db.Chats.Include(c => c.Filters).FirstOrDefaultAsync(c => c.Platform == platform && c.ExternalId == externalId, ct);
        if (chat is not null) return chat;
        chat = new Chat { Platform = platform, ExternalId = externalId, Title = title, CreatedAt = now };
        db.Chats.Add(chat);
        return chat;
    }

    /// <summary>
    /// A webhook chat is the same webhook whatever the URL's spelling (discord.com or discordapp.com, another
    /// API version): matched by webhook id, as /newsadmin addwebhook matches it, so one webhook is one chat.
    /// </summary>
    private static async Task<Chat?> FindWebhookChatAsync(NewsBotDbContext db, string url, CancellationToken ct)
    {
        if (WebhookUrl.TryParse(url)?.Id is not { } id) return null;
        await db.Chats.Include(c => c.Filters).Where(c => c.Platform == DiscordWebhookSender.PlatformName).LoadAsync(ct);
        return db.Chats.Local.Where(c => c.Platform == DiscordWebhookSender.PlatformName)
            .FirstOrDefault(c => WebhookUrl.TryParse(c.ExternalId)?.Id == id);
    }

    private static void AddMissingFilters(Chat chat, List<string> filters, DateTime now)
    {
        foreach (var text in filters.Distinct().Where(t => chat.Filters.All(f => f.Text != t)))
            chat.Filters.Add(new ChatFilter { Text = text, CreatedAt = now });
    }
}
