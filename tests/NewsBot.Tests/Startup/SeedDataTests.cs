using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Discord;
using NewsBot.Startup;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Application;

namespace NewsBot.Tests.Startup;

/// <summary>Seeding from configuration goes through the same source and chat services as everything else.</summary>
public sealed class SeedDataTests : IAsyncLifetime
{
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task SeedAsync(SourcesOptions sources, ConsoleOptions? console = null, DiscordOptions? discord = null)
    {
        var seed = new SeedData(_world.Adder, _world.Chats, Options.Create(sources), Options.Create(console ?? new ConsoleOptions()),
            Options.Create(discord ?? new DiscordOptions()), _world.Time, NullLogger<SeedData>.Instance);
        await using var db = _world.Db();
        await seed.ApplyAsync(db, default);
    }

    private static SeedSource Seed(string url, string name = "Seeded") => new() { Url = url, Name = name };

    [Fact]
    public async Task Seed_sources_are_added_once_with_their_settings_and_the_injected_clock()
    {
        var options = new SourcesOptions
        {
            Seed = [new SeedSource { Url = "https://news.example.org/rss", Name = "Harbour", PollInterval = TimeSpan.FromMinutes(10), AlertOnFirstFetch = true }],
        };
        await SeedAsync(options);
        await SeedAsync(options); // every start seeds again

        await using var db = _world.Db();
        var source = await db.Sources.SingleAsync();
        Assert.Equal(("Harbour", TimeSpan.FromMinutes(10), true), (source.Name, source.PollInterval, source.AlertOnFirstFetch));
        Assert.Equal(ApplicationWorld.Start.UtcDateTime, source.CreatedAt);
        Assert.Empty(_world.Site.Requests); // no test fetch: the network may not be up at start
    }

    [Fact]
    public async Task The_same_feed_listed_twice_or_spelled_another_way_is_seeded_once_instead_of_failing_start_up()
    {
        await SeedAsync(new SourcesOptions
        {
            Seed = [Seed("https://news.example.org/rss"), Seed("https://news.example.org/rss", "Twice"), Seed("HTTPS://NEWS.example.org/rss", "Shouted")],
        });

        await using var db = _world.Db();
        Assert.Equal("Seeded", (await db.Sources.SingleAsync()).Name);
    }

    [Fact]
    public async Task A_seed_stored_as_written_by_an_older_version_is_not_added_again()
    {
        await using (var db = _world.Db())
        {
            db.Sources.Add(new Source { Name = "Old", Url = "https://news.example.org", CreatedAt = DateTime.UnixEpoch });
            await db.SaveChangesAsync();
        }
        await SeedAsync(new SourcesOptions { Seed = [Seed("https://news.example.org")] });

        await using var check = _world.Db();
        Assert.Equal("Old", (await check.Sources.SingleAsync()).Name);
    }

    [Fact]
    public async Task The_demo_feed_path_and_a_configured_webhook_with_its_filters_are_seeded()
    {
        const string hook = "https://discord.com/api/webhooks/123456789012345678/token-one";
        await SeedAsync(new SourcesOptions { Seed = [Seed("samples/feeds/demo.xml", "Demo")] },
            new ConsoleOptions { Filters = ["storm"] },
            new DiscordOptions { Webhooks = [new DiscordWebhookDestination { Url = hook, Filters = ["harbour", "harbour"] }] });

        await using var db = _world.Db();
        Assert.Equal("samples/feeds/demo.xml", (await db.Sources.SingleAsync()).Url);
        var chats = await db.Chats.Include(c => c.Filters).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([["storm"], ["harbour"]], chats.Select(c => c.Filters.Select(f => f.Text).ToArray()));
        Assert.Equal("Discord webhook", chats[1].Title);
    }

    private async Task<string?> ConsolePreferencesAsync()
    {
        await using var db = _world.Db();
        return (await db.Chats.SingleAsync(c => c.Platform == "console" && c.ExternalId == "console")).DeliveryPreferences;
    }

    [Fact]
    public async Task The_console_chat_gets_the_delivery_rules_configured_for_it()
    {
        await SeedAsync(new SourcesOptions(), new ConsoleOptions
        {
            Filters = ["storm"], HourlyLimit = 50, Digest = "daily 08:00,18:00", Quiet = "22:00-07:00", TimeZone = "europe/berlin",
        });

        Assert.Equal("digest=daily 08:00,18:00;quiet=22:00-07:00;tz=Europe/Berlin;limit=50", await ConsolePreferencesAsync());
    }

    [Fact]
    public async Task Without_rules_the_console_chat_sends_at_once_capped_only_at_the_most_allowed()
    {
        await SeedAsync(new SourcesOptions(), new ConsoleOptions { Filters = ["storm"] });

        Assert.Equal("digest=off;quiet=off;tz=UTC;limit=1000", await ConsolePreferencesAsync());
    }

    [Fact]
    public async Task Changed_console_rules_replace_the_old_ones_at_the_next_start()
    {
        await SeedAsync(new SourcesOptions(), new ConsoleOptions { Filters = ["storm"], Digest = "hourly", HourlyLimit = 5 });
        await SeedAsync(new SourcesOptions(), new ConsoleOptions { Filters = ["storm"], Quiet = "23:00-06:00" });

        Assert.Equal("digest=off;quiet=23:00-06:00;tz=UTC;limit=1000", await ConsolePreferencesAsync());
    }
}
