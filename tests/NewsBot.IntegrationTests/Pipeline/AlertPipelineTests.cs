using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Match;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>The whole pipeline through the real host: a news site on loopback, SQLite, Hangfire, the console chat.</summary>
[Collection(HostCollection.Name)]
public sealed class AlertPipelineTests : IAsyncLifetime
{
    private const string SeedHeadline = "Exclusive: Progress is being made in ceasefire talks, modest however";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-test-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;

    public async Task InitializeAsync() => _site = await NewsSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra) => _site.ConsoleCeasefireSettings(extra);

    [Fact]
    public async Task Feed_gaining_the_seed_article_alerts_the_ceasefire_chat_once_and_the_football_chat_not_at_all()
    {
        _site.Feed.Add("backlog-1", "Ceasefire backlog story from last week", "<p>An older ceasefire report.</p>", DateTimeOffset.UtcNow.AddDays(-3));
        await using var host = await TestHost.StartAsync(_dbPath, Settings());
        await WaitForPollsAsync(host, 1);
        await AddConsoleChatAsync(host, "football-fan", "football");

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow.AddMinutes(-5));
        await Eventually.TrueAsync(() => host.Output.Text.Contains(SeedHeadline), Wait, "the seed article is alerted");
        await WaitForPollsAsync(host, 2); // later polls must not repeat it

        var output = host.Output.Text;
        Assert.Equal(1, host.Output.Count(SeedHeadline));
        Assert.DoesNotContain("backlog story", output);       // the first fetch's backlog is seen, not alerted
        Assert.DoesNotContain("[football-fan]", output);      // football filter does not match the seed article
        var summaryLine = output.Split('\n').SkipWhile(l => !l.Contains(SeedHeadline)).Skip(1).First().Trim();
        Assert.Contains("senior official", summaryLine, StringComparison.OrdinalIgnoreCase); // from the body
        Assert.DoesNotContain("Read more", output);
        Assert.True(summaryLine.Length <= 301, $"summary is {summaryLine.Length} characters: {summaryLine}");
        Assert.Contains("matched: ceasefire", output);
        Assert.Contains("https://english.almayadeen.net/news/politics/ceasefire-talks", output);

        await using var db = host.Db();
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal(AlertStatus.Sent, alert.Status);
    }

    [Fact]
    public async Task Restarting_on_the_same_database_sends_nothing_again()
    {
        _site.Feed.Add("old", "Old news", "<p>Nothing to see.</p>", DateTimeOffset.UtcNow.AddHours(-2));
        await using (var first = await TestHost.StartAsync(_dbPath, Settings()))
        {
            await WaitForPollsAsync(first, 1);
            _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
            await Eventually.TrueAsync(() => first.Output.Text.Contains(SeedHeadline), Wait, "the first host alerts the seed article");
        }

        await using var second = await TestHost.StartAsync(_dbPath, Settings());
        await WaitForPollsAsync(second, 2);
        Assert.Equal("", second.Output.Text);
        await using var db = second.Db();
        Assert.Equal(1, await db.Alerts.CountAsync());
        Assert.Equal(2, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Broken_sources_record_their_error_and_back_off_while_others_keep_alerting()
    {
        _site.Server.Map("down.xml", ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        _site.Server.MapContent("page.html", "<!doctype html><html><body><h1>Not a feed</h1></body></html>", "text/html");
        _site.Feed.Add("old", "Old news", "<p>Nothing to see.</p>", DateTimeOffset.UtcNow.AddHours(-2));
        var settings = Settings(
            ("NewsBot:Sources:Seed:1:Name", "Down"), ("NewsBot:Sources:Seed:1:Url", _site.Url("down.xml").ToString()),
            ("NewsBot:Sources:Seed:1:PollInterval", "00:00:01"),
            ("NewsBot:Sources:Seed:2:Name", "Web page"), ("NewsBot:Sources:Seed:2:Url", _site.Url("page.html").ToString()),
            ("NewsBot:Sources:Seed:2:PollInterval", "00:00:01"));
        await using var host = await TestHost.StartAsync(_dbPath, settings);
        await WaitForPollsAsync(host, 1);
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => host.Output.Text.Contains(SeedHeadline), Wait, "the healthy source still alerts");

        await using var db = host.Db();
        var down = await db.Sources.SingleAsync(s => s.Name == "Down");
        Assert.Contains("503", down.LastError);
        Assert.True(down.ConsecutiveFailures >= 1);
        Assert.True(down.NextPollAt > down.LastAttemptAt!.Value.AddSeconds(1.5), "a failing source backs off beyond its interval");
        var page = await db.Sources.SingleAsync(s => s.Name == "Web page");
        Assert.Contains("not a feed", page.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Null((await db.Sources.SingleAsync(s => s.Name == "Loopback News")).LastError);
    }

    /// <summary>Waits until the loopback source has been read <paramref name="polls"/> more times.</summary>
    private async Task WaitForPollsAsync(TestHost host, int polls)
    {
        await _site.WaitForPollsAsync(polls, Wait);
        // The request is served before the poll job stores its result; wait for the job to record it.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Name == "Loopback News");
            return source.FirstFetchDone && source.NextPollAt > DateTime.UtcNow - TimeSpan.FromMinutes(1) && source.NextPollAt < DateTime.UtcNow + TimeSpan.FromMinutes(1);
        }, Wait, "the poll is recorded");
    }

    private static async Task AddConsoleChatAsync(TestHost host, string chatId, string filter)
    {
        await using var db = host.Db();
        var chat = new Chat { Platform = "console", ExternalId = chatId, CreatedAt = DateTime.UtcNow, Filters = [new ChatFilter { Text = filter, CreatedAt = DateTime.UtcNow }] };
        db.Chats.Add(chat);
        await db.SaveChangesAsync();
        host.Services.GetRequiredService<FilterIndexHolder>().Add(chat.Filters[0].Id, chat.Id, filter);
    }
}
