using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Match;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Observability;

/// <summary>/metrics scraped from the real host after the pipeline did real work on a loopback feed.</summary>
[Collection(HostCollection.Name)]
public sealed class MetricsEndpointTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SeedHeadline = "Exclusive: Progress is being made in ceasefire talks, modest however";
    // Under the dispatcher's one-minute recovery sweep: a retry must come from the 429's own schedule.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-metrics-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Server.Map("down.xml", ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        _site.Server.MapContent("page.html", "<!doctype html><html><body><h1>Not a feed</h1></body></html>", "text/html");
        _site.Feed.Add("old-1", "Yesterday's weather was sunny", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _site.Feed.Add("old-2", "Local library extends opening hours", "<p>Books.</p>", DateTimeOffset.UtcNow.AddDays(-1));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra) => _site.ConsoleCeasefireSettings(extra);

    [Fact]
    public async Task After_an_alert_is_delivered_metrics_count_articles_matches_stories_sends_and_source_errors()
    {
        var settings = Settings(
            ("NewsBot:Sources:Seed:1:Name", "Down"), ("NewsBot:Sources:Seed:1:Url", _site.Url("down.xml").ToString()),
            ("NewsBot:Sources:Seed:1:PollInterval", "00:00:01"),
            ("NewsBot:Sources:Seed:2:Name", "Web page"), ("NewsBot:Sources:Seed:2:Url", _site.Url("page.html").ToString()),
            ("NewsBot:Sources:Seed:2:PollInterval", "00:00:01"));
        await using var host = await TestHost.StartAsync(_dbPath, settings);
        await WaitForBacklogAsync(host);
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => host.Output.Text.Contains(SeedHeadline), Wait, "the seed article is alerted");
        await Eventually.TrueAsync(async () => (await PrometheusScrape.GetAsync(host.BaseAddress)).Value("newsbot_alerts_sent_total") >= 1,
            Wait, "the send is counted");

        var scrape = await PrometheusScrape.GetAsync(host.BaseAddress);
        output.WriteLine(scrape.Text);
        Assert.True(scrape.Value("newsbot_articles_fetched_total") >= 5, "two backlog polls of 2 items, then 3 items");
        Assert.Equal(3, scrape.Value("newsbot_articles_new_total"));
        Assert.Equal(1, scrape.Value("newsbot_matches_total"));
        Assert.Equal(1, scrape.Value("newsbot_story_groups_new_total")); // the seed article's; the backlog is never alerted and starts none
        Assert.Equal(1, scrape.Value("newsbot_alerts_sent_total", ("platform", "console"), ("kind", "new")));
        Assert.Equal(1, scrape.Value("newsbot_send_duration_seconds_count", ("platform", "console")));
        Assert.Equal(1, scrape.Value("newsbot_send_duration_seconds_bucket", ("platform", "console"), ("le", "60")));
        Assert.Null(scrape.Value("newsbot_send_duration_seconds_bucket", ("platform", "console"), ("le", "10000"))); // seconds, not milliseconds
        Assert.InRange(scrape.Value("newsbot_send_duration_seconds_sum", ("platform", "console"))!.Value, 0, AlertDispatcherSendTimeout);
        Assert.Equal(0, scrape.Value("newsbot_alerts_queued", ("platform", "console")));
        Assert.True(scrape.Value("newsbot_source_errors_total", ("kind", "fetch")) >= 1, "the 503 source");
        Assert.True(scrape.Value("newsbot_source_errors_total", ("kind", "parse")) >= 1, "the HTML page");
        Assert.True(scrape.Value("newsbot_parse_errors_total", ("scope", "feed")) >= 1, "the HTML page is not a feed");
        Assert.Null(scrape.Value("newsbot_alerts_failed_total"));
        Assert.Null(scrape.Value("newsbot_rate_limited_total"));
    }

    [Fact]
    public async Task Telegram_429_is_counted_as_rate_limited_and_the_alerts_still_go_out()
    {
        // One message of burst for the whole bot, then one per 3 s: the second chat's alert meets a 429.
        await using var telegram = await FakeBotApiServer.StartAsync(new FakeBotApiOptions
        {
            Limits = new FakeFloodLimits { GlobalBurst = 1, GlobalPerSecond = 1.0 / 3 },
        });
        await using var host = await TestHost.StartAsync(_dbPath, Settings(
            ("NewsBot:Telegram:BotToken", telegram.Token),
            ("NewsBot:Telegram:ApiBaseUrl", telegram.BaseUrl),
            ("NewsBot:Telegram:PollTimeoutSeconds", "1")));
        await WaitForBacklogAsync(host);
        await AddChatAsync(host, "telegram", "41", "ceasefire");
        await AddChatAsync(host, "telegram", "42", "ceasefire");

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        try
        {
            await telegram.WaitUntilAsync(t => t.SentMessages.Count == 2, Wait);
        }
        finally
        {
            await using var db = host.Db();
            foreach (var a in db.Alerts.AsNoTracking().Include(a => a.Chat).ToList())
                output.WriteLine($"alert {a.Id} {a.Chat!.Platform}/{a.Chat.ExternalId}: {a.Status} attempts={a.Attempts} next={a.NextAttemptAt:O} claimed={a.ClaimedUntil:O} error={a.LastError} now={DateTime.UtcNow:O}");
        }
        await Eventually.TrueAsync(async () => (await PrometheusScrape.GetAsync(host.BaseAddress)).Value("newsbot_alerts_sent_total", ("platform", "telegram")) == 2,
            Wait, "both sends are counted");

        var scrape = await PrometheusScrape.GetAsync(host.BaseAddress);
        output.WriteLine(scrape.Text);
        Assert.True(telegram.TooManyRequestsCount >= 1, "the fake answered 429");
        Assert.Equal(telegram.TooManyRequestsCount, scrape.Value("newsbot_rate_limited_total", ("platform", "telegram")));
        Assert.Equal(telegram.TooManyRequestsCount, scrape.Value("newsbot_alerts_retried_total", ("platform", "telegram"), ("reason", "rate_limited")));
        Assert.Equal(3, scrape.Value("newsbot_matches_total")); // the console chat too
        Assert.Equal(0, scrape.Value("newsbot_alerts_queued", ("platform", "telegram")));
    }

    private const double AlertDispatcherSendTimeout = 60;

    private static async Task WaitForBacklogAsync(TestHost host) =>
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Sources.AnyAsync(s => s.Name == "Loopback News" && s.FirstFetchDone);
        }, Wait, "the backlog is recorded");

    private static async Task AddChatAsync(TestHost host, string platform, string externalId, string filter)
    {
        await using var db = host.Db();
        var chat = new Chat { Platform = platform, ExternalId = externalId, CreatedAt = DateTime.UtcNow, Filters = [new ChatFilter { Text = filter, CreatedAt = DateTime.UtcNow }] };
        db.Chats.Add(chat);
        await db.SaveChangesAsync();
        host.Services.GetRequiredService<FilterIndexHolder>().Add(chat.Filters[0].Id, chat.Id, filter);
    }
}
