using Microsoft.EntityFrameworkCore;
using NewsBot.Configuration;
using NewsBot.Discord;
using NewsBot.Discord.Sending;
using NewsBot.Console;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Startup;

/// <summary>Adds what the configuration asks for and the database lacks: seed sources and the console chat's filters.</summary>
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
            await SeedChatAsync(db, ConsoleAlertSender.PlatformName, ConsoleAlertSender.DefaultChatId, "console", console.Filters, now, ct);
        foreach (var webhook in discord.Webhooks)
            await SeedChatAsync(db, DiscordWebhookSender.PlatformName, webhook.Url, "Discord webhook", webhook.Filters, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A configured chat's filters follow the configuration: added, and removed when no longer listed.</summary>
    private static async Task SeedChatAsync(NewsBotDbContext db, string platform, string externalId, string title, List<string> filters, DateTime now, CancellationToken ct)
    {
        var chat = db.Chats.Local.FirstOrDefault(c => c.Platform == platform && c.ExternalId == externalId)
                   ?? await db.Chats.Include(c => c.Filters).FirstOrDefaultAsync(c => c.Platform == platform && c.ExternalId == externalId, ct);
        if (chat is null)
        {
            chat = new Chat { Platform = platform, ExternalId = externalId, Title = title, CreatedAt = now };
            db.Chats.Add(chat);
        }
        chat.Filters.RemoveAll(f => !filters.Contains(f.Text));
        foreach (var text in filters.Where(t => chat.Filters.All(f => f.Text != t)))
            chat.Filters.Add(new ChatFilter { Text = text, CreatedAt = now });
    }
}
