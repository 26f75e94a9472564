using Microsoft.Extensions.Options;
using NewsBot.Application.Chats;
using NewsBot.Application.Sources;
using NewsBot.Configuration;
using NewsBot.Console;
using NewsBot.Core.Delivery;
using NewsBot.Discord;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Startup;

/// <summary>
/// Adds what the configuration asks for and the database lacks: seed sources, the console chat and
/// configured webhooks with their filters. Sources and chats go through the same services as
/// everything else, so a seeded source follows the rules of one added by hand.
/// </summary>
public sealed partial class SeedData(
    SourceAdder sources,
    ChatDirectory chats,
    IOptions<SourcesOptions> sourcesOptions,
    IOptions<ConsoleOptions> consoleOptions,
    IOptions<DiscordOptions> discordOptions,
    TimeProvider time,
    ILogger<SeedData> log)
{
    /// <summary>
    /// Runs before the filter index is loaded, so filters added here reach the index with the load;
    /// configured filters skip the per-chat and per-user limits, which exist for strangers.
    /// </summary>
    public async Task ApplyAsync(NewsBotDbContext db, CancellationToken ct)
    {
        foreach (var seed in sourcesOptions.Value.Seed)
        {
            // No test fetch: the service may start before the network or the feed is up; the first poll reports it.
            var draft = new SourceDraft(seed.Url, seed.Name, seed.PollInterval, seed.AlertOnFirstFetch);
            if (await sources.AddUnreadAsync(db, draft, SourceOrigin.Operator, ct) is SourceAddResult.Invalid invalid)
                LogSeedRefused(seed.Url, invalid.Problem);
        }

        var console = consoleOptions.Value;
        if (console.Filters.Count > 0)
        {
            var chat = await WithFiltersAsync(db,
                await chats.FindOrCreateAsync(db, ConsoleAlertSender.PlatformName, ConsoleAlertSender.DefaultChatId, "console", ct), ct);
            // Nobody can type commands into the console chat, so its filters and delivery rules are exactly the configured ones.
            chat.Filters.RemoveAll(f => !console.Filters.Contains(f.Text));
            AddMissingFilters(chat, console.Filters);
            chat.DeliveryPreferences = DeliveryPreferencesText.Format(ConsoleDeliveryRules.Preferences(console));
        }
        foreach (var webhook in discordOptions.Value.Webhooks)
        {
            var (chat, _) = await chats.FindOrCreateWebhookAsync(db, webhook.Url, "Discord webhook", ct);
            // Configuration adds missing filters and never deletes: an admin may have given the same webhook
            // filters with /newsadmin addwebhook, and the database cannot tell those from configured ones.
            AddMissingFilters(await WithFiltersAsync(db, chat, ct), webhook.Filters);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Chat> WithFiltersAsync(NewsBotDbContext db, Chat chat, CancellationToken ct)
    {
        await db.Entry(chat).Collection(c => c.Filters).LoadAsync(ct);
        return chat;
    }

    private void AddMissingFilters(Chat chat, List<string> filters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var text in filters.Distinct().Where(t => chat.Filters.All(f => f.Text != t)))
            chat.Filters.Add(new ChatFilter { Text = text, CreatedAt = now });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "seed source '{Url}' in NewsBot:Sources:Seed not added: {Problem}")]
    private partial void LogSeedRefused(string url, SourceProblem problem);
}
