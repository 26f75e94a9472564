using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Commands;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// A thin item's article page is read once per article, after ingest and off the send path: many
/// chats matching it cost one page fetch, and a page that is slow, huge or expensive never makes
/// an alert late — past the enrichment deadline the alert goes out with the feed's own text.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PageEnrichmentTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-pages-{Guid.NewGuid():N}.db");
    private readonly TaskCompletionSource _endOfTest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NewsSite _site = null!;

    private const string Paragraph = "<p>Negotiators meeting in Cairo said on Tuesday that a truce agreement was within reach after two days of talks mediated by Egypt and Qatar.</p>\n";

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday", "<p>Old.</p>", DateTimeOffset.UtcNow.AddDays(-1));
    }

    public async Task DisposeAsync()
    {
        _endOfTest.TrySetResult();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(_site.SeedSource()) { ["NewsBot:Console:Filters:0"] = "truce" };
        foreach (var (key, value) in extra) settings[key] = value;
        var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait);
        return host;
    }

    private static string Page(int paragraphs) =>
        "<!doctype html><html><body><article><h1>Truce talks</h1>\n" + string.Concat(Enumerable.Repeat(Paragraph, paragraphs)) + "</article></body></html>";

    private int PageRequests(string path) => _site.Server.Requests.Count(r => r.Path == "/" + path);

    [Fact]
    public async Task An_article_matched_by_many_chats_has_its_page_read_once()
    {
        _site.Server.Map("world/truce", async ctx =>
        {
            await Task.Delay(500); // long enough for every chat's send to be under way at once
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync(Page(8));
        });
        await using var host = await StartAsync();
        var executor = host.Services.GetRequiredService<ICommandExecutor>();
        for (var i = 1; i <= 6; i++)
        {
            var chat = new CommandContext("console", $"chat-{i}", ChatKind.Private, $"user-{i}", IsBotAdmin: false, IsChatAdmin: true);
            await CommandRouter.RouteAsync(chat, ChatCommandParser.Parse("/add truce")!, executor, CancellationToken.None);
        }

        _site.Feed.Add("t1", "Truce talks advance in Cairo", "", DateTimeOffset.UtcNow, _site.Url("world/truce").ToString());
        await Eventually.TrueAsync(() => Enumerable.Range(1, 6).All(i => host.Output.Text.Contains($"[chat-{i}] 🔔 Truce talks advance")),
            Wait, "all six chats get the alert");

        Assert.Equal(1, PageRequests("world/truce"));
        Assert.Contains("Negotiators meeting in Cairo", host.Output.Text); // the summary came from the page
    }

    [Fact]
    public async Task A_page_that_never_answers_delays_its_alert_only_until_the_enrichment_deadline()
    {
        _site.Server.Map("world/stalled", async ctx => await _endOfTest.Task); // a site that holds the connection open
        await using var host = await StartAsync(("NewsBot:Summaries:EnrichWithin", "00:00:02"));

        var published = System.Diagnostics.Stopwatch.StartNew();
        _site.Feed.Add("t2", "Truce talks stall", "", DateTimeOffset.UtcNow, _site.Url("world/stalled").ToString());
        // Polled every second, then 2 s of waiting for the page: well inside 15 s. Read in the send
        // loop, the page held the alert for the whole 30 s fetch timeout.
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Truce talks stall"), TimeSpan.FromSeconds(15), "the alert goes out at the deadline");
        Assert.InRange(published.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));

        await using var db = host.Db();
        Assert.Null((await db.Articles.SingleAsync(a => a.Title == "Truce talks stall")).PageText);
    }

    [Fact]
    public async Task A_page_over_the_page_size_cap_gives_no_page_text_and_the_alert_still_goes_out()
    {
        var huge = Page(3 * 1024 * 1024 / Paragraph.Length + 1); // 3 MiB of good paragraphs: over the 2 MiB page cap, under the 10 MiB feed cap
        Assert.True(Encoding.UTF8.GetByteCount(huge) > 3 * 1024 * 1024);
        _site.Server.MapContent("world/huge", huge, "text/html; charset=utf-8");
        await using var host = await StartAsync();

        _site.Feed.Add("t3", "Truce text runs long", "", DateTimeOffset.UtcNow, _site.Url("world/huge").ToString());
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Truce text runs long"), Wait, "the alert is sent");

        await using var db = host.Db();
        var article = await db.Articles.SingleAsync(a => a.Title == "Truce text runs long");
        Assert.NotNull(article.PageCheckedAt);
        Assert.Null(article.PageText);
        Assert.Equal(1, PageRequests("world/huge"));
    }

    [Fact]
    public async Task A_page_link_to_a_private_host_that_is_no_source_is_not_fetched_though_private_feeds_are_allowed()
    {
        _site.Server.MapContent("internal/admin", Page(8), "text/html; charset=utf-8");
        await using var host = await StartAsync(); // NewsBot:Sources:AllowPrivateAddresses is on: the feed is on 127.0.0.1

        // "localhost" is the same machine under a name no source uses: an item must not steer the bot there.
        var link = $"http://localhost:{_site.Server.BaseUrl.Port}/internal/admin";
        _site.Feed.Add("t4", "Truce claims from the intranet", "", DateTimeOffset.UtcNow, link);
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Truce claims from the intranet"), Wait, "the alert is sent");

        Assert.Equal(0, PageRequests("internal/admin"));
        await using var db = host.Db();
        var article = await db.Articles.SingleAsync(a => a.Title == "Truce claims from the intranet");
        Assert.NotNull(article.PageCheckedAt);
        Assert.Null(article.PageText);
    }
}
