using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.LoadTest;

/// <summary>
/// Prepares the database before NewsBot starts: its own migrations, one source per feed (all due now:
/// a cold start of new feeds), and Telegram chats whose filters match only the marker items (each its share).
/// Rows go in directly: adding 100,000 sources through the CLI is not what is measured.
/// </summary>
public static class Seeder
{
    public const long ChatId = 424242;

    public static async Task SeedAsync(DatabaseProvider provider, string connectionString, FeedFarm farm, TimeSpan interval)
    {
        var factory = new NewsBotDbContextFactory(provider, connectionString, Environment.CurrentDirectory);
        await factory.MigrateAsync(CancellationToken.None);
        var now = DateTime.UtcNow;
        for (var start = 0; start < farm.Feeds; start += 5000)
        {
            await using var db = factory.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(farm.Feeds, start + 5000); i++)
                db.Sources.Add(new Source { Name = $"Site {i}", Url = farm.Url(i), PollInterval = interval, NextPollAt = now, CreatedAt = now });
            await db.SaveChangesAsync();
        }
        await using (var db = factory.CreateDbContext())
        {
            // limit=1000: the marker rate stays far below it, so the hourly cap never holds an alert back.
            for (var k = 0; k < farm.Chats; k++)
            {
                var chat = new Chat { Platform = "telegram", ExternalId = (ChatId + k).ToString(System.Globalization.CultureInfo.InvariantCulture), Title = $"Load test {k}", DeliveryPreferences = "limit=1000", CreatedAt = now };
                chat.Filters.Add(new ChatFilter { Text = FeedFarm.MarkerWordOf(k), CreatedAt = now });
                db.Chats.Add(chat);
            }
            await db.SaveChangesAsync();
        }
    }
}
