using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Match;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.TestKit;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>
/// Two instances on one PostgreSQL database read many outlets of one story at the same moment:
/// each starts the story from its own polls, they learn of each other's (StoryIndexSync) and merge
/// into the older, and the chat gets one message naming every outlet.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TwoInstanceStoryTests : IAsyncLifetime
{
    private const int Outlets = 40;
    private const long Alice = 42;
    private const string Headline = "Israel and Hamas agree to extend Gaza ceasefire by two days, Qatar says";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly List<FeedBuilder> _feeds = [];
    private LoopbackHttpServer _site = null!;
    private FakeBotApiServer _telegram = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _site = await LoopbackHttpServer.StartAsync();
        for (var i = 0; i < Outlets; i++)
        {
            var feed = new FeedBuilder();
            _feeds.Add(feed);
            _site.Map($"f{i}.xml", async ctx =>
            {
                ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
                string body;
                lock (feed) body = feed.Build();
                await ctx.Response.WriteAsync(body);
            });
        }
        _telegram = await FakeBotApiServer.StartAsync();
        _connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
    }

    private static string OutletName(int i) => $"Outlet {i:D2}";

    [Fact]
    public async Task Two_instances_reading_one_story_at_once_send_one_alert_naming_every_outlet()
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
            ["NewsBot:Sources:MaxConcurrentPerHost"] = Outlets.ToString(CultureInfo.InvariantCulture),
        };
        await using var first = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, settings);
        var now = DateTime.UtcNow;
        await using (var db = first.Db())
        {
            db.Chats.Add(new Chat { Platform = "telegram", ExternalId = Alice.ToString(CultureInfo.InvariantCulture), CreatedAt = now, Filters = [new ChatFilter { Text = "ceasefire", CreatedAt = now }] });
            for (var i = 0; i < Outlets; i++)
                db.Sources.Add(new Source { Name = OutletName(i), Url = _site.Url($"f{i}.xml").ToString(), PollInterval = TimeSpan.FromSeconds(1), NextPollAt = now, CreatedAt = now, FirstFetchDone = true });
            await db.SaveChangesAsync();
        }
        await using var second = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, settings);
        await Eventually.TrueAsync(() => first.Services.GetRequiredService<FilterIndexHolder>().Index.Count == 1, Wait, "the first instance syncs the filter");
        await Eventually.TrueAsync(async () =>
        {
            await using var db = first.Db();
            return await db.Sources.CountAsync(s => s.LastAttemptAt != null) == Outlets;
        }, Wait, "every outlet is polled once with nothing new");

        // Every outlet publishes the story between two polls: both instances' next polls record it at once.
        var published = DateTimeOffset.UtcNow;
        for (var i = 0; i < Outlets; i++)
            lock (_feeds[i])
                _feeds[i].Add($"story-{i}", Headline,
                    "<p>Qatar said on Monday that Israel and Hamas had agreed to extend the truce in Gaza by two more days, allowing further exchanges of hostages and prisoners.</p>", published);

        await Eventually.TrueAsync(async () =>
        {
            await using var db = first.Db();
            return await db.Articles.CountAsync(a => a.Title == Headline) == Outlets;
        }, Wait, "every outlet's report is stored");
        await Task.Delay(3 * StoryIndexSync.Interval); // the last sync rounds and merges
        await Eventually.TrueAsync(async () =>
        {
            await using var db = first.Db();
            return !await db.Alerts.AnyAsync(a => a.Status == AlertStatus.Pending || a.UpdatePending);
        }, Wait, "the alert is sent and up to date");

        var messages = _telegram.SentMessages.Where(m => m.ChatId == Alice && m.Text.Contains(Headline, StringComparison.Ordinal)).ToList();
        await using var check = first.Db();
        var alerts = await check.Alerts.Include(a => a.Article).ToListAsync();
        var roots = await check.Stories.Select(s => s.MergedIntoId ?? s.Id).Distinct().ToListAsync();
        Assert.Equal((1, 1, 1), (messages.Count, alerts.Count, roots.Count));
        var also = await AlsoReportedBy.LoadAsync(check, alerts[0].StoryId, alerts[0].Article!.SourceId, CancellationToken.None);
        Assert.Equal(Outlets - 1, also.Count);
        Assert.Equal(Outlets, also.Append(await check.Sources.Where(s => s.Id == alerts[0].Article!.SourceId).Select(s => s.Name).SingleAsync()).Distinct().Count());
        // Telegram shows ten names, those an earlier version of the message showed first, and counts the rest.
        var shown = AlsoReportedBy.ShownFirst(also, alerts[0].ShownAlso);
        Assert.Contains("also: " + string.Join(", ", shown.Take(10)) + $" +{Outlets - 1 - 10} more", messages[0].Text, StringComparison.Ordinal);
    }
}
