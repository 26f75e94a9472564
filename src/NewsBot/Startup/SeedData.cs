using Microsoft.EntityFrameworkCore;
using NewsBot.Configuration;
using NewsBot.Console;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Startup;

/// <summary>Adds what the configuration asks for and the database lacks: seed sources and the console chat's filters.</summary>
public static class SeedData
{
    public static async Task ApplyAsync(NewsBotDbContext db, SourcesOptions sources, ConsoleOptions console, DateTime now, CancellationToken ct)
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
            var chat = await db.Chats.Include(c => c.Filters)
                .FirstOrDefaultAsync(c => c.Platform == ConsoleAlertSender.PlatformName && c.ExternalId == ConsoleAlertSender.DefaultChatId, ct);
            if (chat is null)
            {
                chat = new Chat { Platform = ConsoleAlertSender.PlatformName, ExternalId = ConsoleAlertSender.DefaultChatId, Title = "console", CreatedAt = now };
                db.Chats.Add(chat);
            }
            // The configuration is the console chat's whole filter list: it follows edits of appsettings.
            chat.Filters.RemoveAll(f => !console.Filters.Contains(f.Text));
            foreach (var text in console.Filters.Where(t => chat.Filters.All(f => f.Text != t)))
                chat.Filters.Add(new ChatFilter { Text = text, CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);
    }
}
