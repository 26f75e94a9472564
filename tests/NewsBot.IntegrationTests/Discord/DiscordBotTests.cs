using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Discord;

namespace NewsBot.IntegrationTests.Discord;

/// <summary>
/// The Discord bot as people use it: slash commands pushed through a fake gateway on 127.0.0.1 reach
/// the real host's own Discord client, replies go to the fake's interaction callbacks, alerts arrive
/// as embeds on the fake's REST API with its rate limits enforced.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordBotTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Admin = "1400000000000000099";
    private const string SeedHeadline = "Exclusive: Progress is being made in ceasefire talks, modest however";
    private const string ManageChannels = "16";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-dc-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 2000 });
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(_site.SeedSource())
        {
            ["NewsBot:Discord:BotToken"] = _discord.Options.BotToken,
            ["NewsBot:Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["NewsBot:Discord:GatewayUrl"] = _discord.GatewayUrl,
            ["NewsBot:Discord:AdminUserIds:0"] = Admin,
        };
        foreach (var (key, value) in extra) settings[key] = value;
        var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait);
        await Eventually.TrueAsync(() => !_discord.Commands.IsEmpty, Wait, "the slash commands are registered");
        return host;
    }

    private async Task<string> SlashAsync(FakeInteraction interaction)
    {
        var record = await _discord.Gateway.PushInteractionAsync(interaction);
        var callback = await record.Callback.WaitAsync(Wait);
        var data = callback.GetProperty("data");
        if (callback.GetProperty("type").GetInt32() == 5) data = await record.OriginalEdit.WaitAsync(Wait); // deferred, then edited
        Assert.Equal(64, data.GetProperty("flags").GetInt32()); // configuration replies are ephemeral
        return data.GetProperty("content").GetString()!;
    }

    private static FakeInteraction Add(string filter) => new("news", "add", new Dictionary<string, object> { ["filter"] = filter });

    [Fact]
    public async Task Channel_filters_need_manage_channels_and_the_seed_article_arrives_as_one_embed()
    {
        await using var host = await StartAsync();
        Assert.Contains("Only this group's administrators", await SlashAsync(Add("ceasefire")));
        Assert.Contains("Added filter 1: ceasefire", await SlashAsync(Add("ceasefire") with { Permissions = ManageChannels }));
        Assert.Contains("1. ceasefire", await SlashAsync(new FakeInteraction("news", "list")));

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _discord.Messages.Any(m => m.Target == "1300000000000000001"), Wait, "the embed is posted");
        await WaitForQuietAsync(host);

        var message = Assert.Single(_discord.Messages, m => m.Target == "1300000000000000001");
        var embed = message.Body.GetProperty("embeds")[0];
        Assert.Equal(SeedHeadline, embed.GetProperty("title").GetString());
        Assert.Contains("almayadeen", embed.GetProperty("url").GetString());
        Assert.Contains("clear progress", embed.GetProperty("description").GetString());
        Assert.Contains("matched: ceasefire", embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Empty(message.Body.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
    }

    [Fact]
    public async Task In_a_dm_the_filters_belong_to_the_user()
    {
        await using var host = await StartAsync();
        Assert.Contains("Added filter 1", await SlashAsync(Add("ceasefire").InDm()));
        Assert.Contains("No filters yet", await SlashAsync(new FakeInteraction("news", "list") with { Permissions = ManageChannels }));
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _discord.Messages.Any(m => m.Target == "1310000000000000001"), Wait, "the DM gets the alert");
    }

    [Fact]
    public async Task A_filter_that_looks_like_a_command_comes_back_untouched_and_replies_name_discords_commands()
    {
        await using var host = await StartAsync();
        var manager = new FakeInteraction("news", "list") { Permissions = ManageChannels };

        // Old code rewrote reply text, so the user's own filter came back as "/news pause/".
        Assert.StartsWith("Added filter 1: /pause/\n", await SlashAsync(Add("/pause/") with { Permissions = ManageChannels }));
        Assert.Contains("1. /pause/", await SlashAsync(manager));
        Assert.Equal("Alerts are paused. Send /news resume to start them again.", await SlashAsync(manager with { Subcommand = "pause" }));
        Assert.Equal("/news remove: '0' is not a filter number; /news list shows the numbers.\nUsage: /news remove number:<number>",
            await SlashAsync(manager with { Subcommand = "remove", Options = new Dictionary<string, object> { ["number"] = 0 } }));
    }

    [Fact]
    public async Task Admin_commands_are_refused_to_non_admins_even_with_server_permissions()
    {
        await using var host = await StartAsync();
        var addSource = new FakeInteraction("newsadmin", "addsource", new Dictionary<string, object> { ["url"] = _site.FeedUrl.ToString() });
        Assert.Contains("only for NewsBot's administrators", await SlashAsync(addSource with { Permissions = "8" }));
        Assert.Contains("Sources: 1", await SlashAsync(new FakeInteraction("newsadmin", "stats") { UserId = Admin }));
    }

    [Fact]
    public async Task A_configured_webhook_gets_alerts_without_a_bot()
    {
        var webhook = _discord.CreateWebhook();
        await using var host = await StartAsync(("NewsBot:Discord:Webhooks:0:Url", webhook), ("NewsBot:Discord:Webhooks:0:Filters:0", "ceasefire"));
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _discord.Messages.Any(m => m.Target.StartsWith("webhook:", StringComparison.Ordinal)), Wait, "the webhook gets the embed");
        await WaitForQuietAsync(host);
        Assert.Single(_discord.Messages, m => m.Target.StartsWith("webhook:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_adds_a_webhook_with_a_filter_by_slash_command_and_it_gets_alerts()
    {
        var created = _discord.CreateWebhook("Newsroom");
        var pasted = "https://discord.com/api/webhooks/" + string.Join('/', created.Split('/')[^2..]);
        var token = created.Split('/')[^1];
        await using var host = await StartAsync();
        FakeInteraction AddWebhook(string url, string? filter = null) => new("newsadmin", "addwebhook",
            filter is null ? new Dictionary<string, object> { ["url"] = url } : new Dictionary<string, object> { ["url"] = url, ["filter"] = filter });

        Assert.Contains("only for NewsBot's administrators", await SlashAsync(AddWebhook(pasted) with { Permissions = "8" }));
        Assert.DoesNotContain(_discord.Requests, r => r.Method == "GET" && r.Path.Contains("/webhooks/"));
        Assert.Contains("10015: Unknown Webhook", await SlashAsync(AddWebhook(pasted.Replace(created.Split('/')[^2], "1234567")) with { UserId = Admin }));
        var reply = await SlashAsync(AddWebhook(pasted, "ceasefire") with { UserId = Admin });

        Assert.Contains("Webhook 'Newsroom' (https://discord.com/api/webhooks/", reply);
        Assert.Contains("is now a destination", reply);
        Assert.Contains("Added filter 1: ceasefire", reply);
        Assert.DoesNotContain(token, reply);
        Assert.Contains("is already a destination", await SlashAsync(AddWebhook(pasted) with { UserId = Admin }));
        await using (var db = host.Db())
        {
            var chat = await db.Chats.Include(c => c.Filters).SingleAsync(c => c.Platform == "discord-webhook");
            Assert.Equal(("Newsroom", "ceasefire"), (chat.Title, Assert.Single(chat.Filters).Text));
        }

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _discord.Messages.Any(m => m.Target.StartsWith("webhook:", StringComparison.Ordinal)), Wait, "the webhook gets the embed");
        Assert.Equal(SeedHeadline, _discord.Messages.Single(m => m.Target.StartsWith("webhook:", StringComparison.Ordinal)).Body.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Filters_added_by_command_to_a_configured_webhook_survive_restarts_and_configuration_only_adds()
    {
        var configured = _discord.CreateWebhook("Newsroom"); // the fake's own spelling of the URL
        var pasted = "https://discord.com/api/webhooks/" + string.Join('/', configured.Split('/')[^2..]);
        (string, string)[] Config(params string[] filters) =>
            [("NewsBot:Discord:Webhooks:0:Url", configured), .. filters.Select((f, i) => ($"NewsBot:Discord:Webhooks:0:Filters:{i}", f))];
        async Task<string[]> WebhookFiltersAsync(TestHost host)
        {
            await using var db = host.Db();
            var chat = await db.Chats.Include(c => c.Filters).SingleAsync(c => c.Platform == "discord-webhook"); // one webhook, one chat
            return [.. chat.Filters.Select(f => f.Text).Order()];
        }

        await using (var first = await StartAsync(Config("ceasefire")))
        {
            var reply = await SlashAsync(new FakeInteraction("newsadmin", "addwebhook",
                new Dictionary<string, object> { ["url"] = pasted, ["filter"] = "earthquake" })
            { UserId = Admin });
            Assert.Contains("is already a destination", reply);
            Assert.Equal(["ceasefire", "earthquake"], await WebhookFiltersAsync(first));
        }
        await using (var second = await StartAsync(Config("ceasefire", "flood")))
            Assert.Equal(["ceasefire", "earthquake", "flood"], await WebhookFiltersAsync(second));
        // Dropping "ceasefire" from the configuration keeps it: the database cannot tell who added a filter.
        await using var third = await StartAsync(Config("flood"));
        Assert.Equal(["ceasefire", "earthquake", "flood"], await WebhookFiltersAsync(third));

        _site.Feed.Add("quake", "Strong earthquake shakes the coast", "<p>No damage reported.</p>", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _discord.Messages.Any(m => m.Target.StartsWith("webhook:", StringComparison.Ordinal)), Wait, "the command's filter still delivers");
        Assert.Equal("Strong earthquake shakes the coast",
            _discord.Messages.Single(m => m.Target.StartsWith("webhook:", StringComparison.Ordinal)).Body.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_burst_of_300_alerts_to_100_channels_stays_within_the_rate_limits_and_a_restart_resends_nothing()
    {
        const int Channels = 100;
        await using (var first = await StartAsync())
        await using (var db = first.Db())
        {
            for (var i = 0; i < Channels; i++)
                db.Chats.Add(new Chat
                {
                    Platform = "discord", ExternalId = (1300000000000001000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = DateTime.UtcNow,
                    Filters = [new ChatFilter { Text = "ceasefire OR truce OR hostages", CreatedAt = DateTime.UtcNow }]
                });
            await db.SaveChangesAsync();
        }

        await using (var second = await StartAsync())
        {
            var clock = Stopwatch.StartNew();
            var requestsBefore = _discord.Requests.Count;
            _site.Feed.Add("b1", "Ceasefire talks resume in Cairo", "<p>Delegations arrived on Monday.</p>", DateTimeOffset.UtcNow);
            _site.Feed.Add("b2", "Truce monitors deployed along the border", "<p>Observers from three countries.</p>", DateTimeOffset.UtcNow);
            _site.Feed.Add("b3", "Hostages released in third exchange", "<p>Eleven people were freed.</p>", DateTimeOffset.UtcNow);
            await Eventually.TrueAsync(() => _discord.Messages.Count >= 3 * Channels, TimeSpan.FromSeconds(90), "all 300 embeds are posted");
            var elapsed = clock.Elapsed;
            var requests = _discord.Requests.Count - requestsBefore;
            output.WriteLine($"300 alerts to 100 channels: {elapsed.TotalSeconds:0.0} s, {requests} requests, {requests / elapsed.TotalSeconds:0.0} requests/s, {_discord.TooManyRequests} × 429");
            Assert.True(_discord.TooManyRequests <= 3, $"{_discord.TooManyRequests} × 429");
            await WaitForQuietAsync(second);
        }

        await using var third = await StartAsync();
        await WaitForQuietAsync(third);
        Assert.Equal(3 * Channels, _discord.Messages.Count);
        Assert.All(_discord.Messages.GroupBy(m => m.Target), g => Assert.Equal(3, g.Count()));
    }

    private Task WaitForQuietAsync(TestHost host) => host.WaitUntilQuietAsync(_site, Wait);
}
