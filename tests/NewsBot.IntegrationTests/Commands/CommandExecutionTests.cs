using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Commands;
using NewsBot.IntegrationTests.Infrastructure;
using static NewsBot.IntegrationTests.Infrastructure.ConsoleUsers;

namespace NewsBot.IntegrationTests.Commands;

/// <summary>
/// Chat commands as every platform runs them: text in, the shared router and the host's executor,
/// the reply out, and the effect on the database and on alerts.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CommandExecutionTests : IAsyncLifetime
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-cmd-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private TestHost _host = null!;

    private static readonly CommandContext Admin = new("console", "admin", ChatKind.Private, "admin", IsBotAdmin: true, IsChatAdmin: true);
    private static readonly CommandContext GroupMember = new("console", "group-1", ChatKind.Group, "bob", IsBotAdmin: false, IsChatAdmin: false);

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Truce holds in the north", "<p>Calm returned overnight.</p>", DateTimeOffset.UtcNow.AddHours(-1));
        _host = await TestHost.StartAsync(_dbPath, _site.SeedSource());
        await _host.WaitForFirstFetchAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private Task<CommandReply> Send(CommandContext ctx, string text) =>
        CommandRouter.RouteAsync(ctx, ChatCommandParser.Parse(text)!, _host.Services.GetRequiredService<ICommandExecutor>(), CancellationToken.None);

    [Fact]
    public async Task Add_confirms_the_filter_and_shows_recent_articles_it_would_have_matched()
    {
        var reply = await Send(Alice, "/add truce");
        Assert.Contains("Added filter 1: truce", reply.Text);
        Assert.Contains("Truce holds in the north", reply.Text);

        var list = await Send(Alice, "/list");
        Assert.Contains("1. truce", list.Text);
        Assert.Equal("/remove 1", Assert.Single(list.Buttons).Single().CallbackData);
    }

    [Fact]
    public async Task A_filter_added_by_command_alerts_the_next_matching_article()
    {
        await Send(Alice, "/add ceasefire");
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _host.Output.Text.Contains("[alice] 🔔 Exclusive: Progress"), TimeSpan.FromSeconds(20), "alice gets the alert");
    }

    [Fact]
    public async Task Remove_by_number_stops_alerts_from_that_filter()
    {
        await Send(Alice, "/add ceasefire");
        await Send(Alice, "/add football");
        var removed = await Send(Alice, "/remove 1");
        Assert.Contains("Removed filter 1: ceasefire", removed.Text);
        Assert.Contains("no filter 5", (await Send(Alice, "/remove 5")).Text);

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await WaitForArticlesAsync(2);
        Assert.DoesNotContain("Exclusive: Progress", _host.Output.Text);
    }

    [Fact]
    public async Task Paused_chats_get_no_alerts_and_resume_restarts_them()
    {
        await Send(Alice, "/add ceasefire");
        Assert.Contains("paused", (await Send(Alice, "/pause")).Text);
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await WaitForArticlesAsync(2);
        Assert.Equal("", _host.Output.Text);

        await Send(Alice, "/resume");
        _site.Feed.Add("next", "Ceasefire extended by a week", "<p>Mediators announced the extension.</p>", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => _host.Output.Text.Contains("Ceasefire extended"), TimeSpan.FromSeconds(20), "alerts resume");
        Assert.DoesNotContain("Exclusive: Progress", _host.Output.Text);
    }

    [Fact]
    public async Task Malformed_and_unknown_commands_get_helpful_replies_and_change_nothing()
    {
        Assert.Contains("unclosed quote", (await Send(Alice, "/add \"two-state solution")).Text);
        Assert.Contains("/help", (await Send(Alice, "/frobnicate")).Text);
        Assert.Contains("Usage", (await Send(Alice, "/remove two")).Text);
        await using var db = _host.Db();
        Assert.Equal(0, await db.Filters.CountAsync());
    }

    [Fact]
    public async Task Admin_commands_are_refused_politely_to_everyone_else()
    {
        var refusal = await Send(Alice, "/addsource https://example.org/feed.xml");
        Assert.Contains("only for NewsBot's administrators", refusal.Text);
        Assert.Contains("administrators", (await Send(Alice, "/stats")).Text);
        await using var db = _host.Db();
        Assert.Equal(1, await db.Sources.CountAsync());
    }

    [Fact]
    public async Task Group_members_who_are_not_group_admins_cannot_change_the_group_filters()
    {
        var reply = await Send(GroupMember, "/add ceasefire");
        Assert.Contains("Only this group's administrators", reply.Text);
        await using var db = _host.Db();
        Assert.Equal(0, await db.Filters.CountAsync());
    }

    [Fact]
    public async Task Admins_manage_sources_and_see_health_and_stats()
    {
        _site.Serve("other.xml", new FeedBuilder().Add("x", "Hello", "<p>World</p>", DateTimeOffset.UtcNow));
        var added = await Send(Admin, $"/addsource {_site.Url("other.xml")} Other");
        Assert.Contains("Added source #2 Other: 1 items", added.Text);
        Assert.Contains("could not add", (await Send(Admin, $"/addsource {_site.Url("missing.xml")}")).Text);

        var sources = await Send(Admin, "/sources");
        Assert.Contains("#1 Loopback News", sources.Text);
        Assert.Contains("last fetch", sources.Text);
        Assert.DoesNotContain("last fetch", (await Send(Alice, "/sources")).Text);

        Assert.Contains("Paused source #2", (await Send(Admin, "/pausesource 2")).Text);
        Assert.Contains("(paused)", (await Send(Alice, "/sources")).Text);
        Assert.Contains("no source #9", (await Send(Admin, "/removesource 9")).Text);
        Assert.Contains("Removed source #2", (await Send(Admin, "/removesource 2")).Text);
        Assert.Contains("Sources: 1", (await Send(Admin, "/stats")).Text);
    }

    [Fact]
    public async Task Admins_add_a_site_by_its_page_and_a_page_without_a_feed_by_its_links()
    {
        _site.Server.MapContent("harbour", """
            <!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" title="Harbour latest" href="/harbour.xml"></head>
            <body><h2><a href="/story/1">Port reopens</a></h2><h2><a href="/story/2">Ferry strike ends</a></h2></body></html>
            """, "text/html");
        _site.Serve("harbour.xml", new FeedBuilder().Add("h1", "Tide tables", "<p>May</p>", DateTimeOffset.UtcNow));

        var site = await Send(Admin, $"/addsource {_site.Url("harbour")}");
        Assert.Contains($"Added source #2 Loopback News: I found one feed on 127.0.0.1: 'Harbour latest' ({_site.Url("harbour.xml")})", site.Text);

        var page = await Send(Admin, $"/addsource page {_site.Url("harbour")} links:\"h2 a\" Harbour front page");
        Assert.Contains("Added page source #3 Harbour front page: 2 links, e.g. 'Port reopens', 'Ferry strike ends'", page.Text);
        var sources = (await Send(Admin, "/sources")).Text;
        Assert.Contains("#3 Harbour front page (page)", sources);
        Assert.Contains("page, links: h2 a", sources);
        await using var db = _host.Db();
        var stored = await db.Sources.OrderBy(s => s.Id).Select(s => new { s.Url, s.Kind, s.PageLinkSelector }).ToListAsync();
        Assert.Equal(_site.Url("harbour.xml").ToString(), stored[1].Url);
        Assert.Equal((Storage.Entities.SourceKind.Page, "h2 a"), (stored[2].Kind, stored[2].PageLinkSelector));
    }

    [Fact]
    public async Task Stop_forgets_the_chat_and_its_filters()
    {
        await Send(Alice, "/add ceasefire");
        Assert.Contains("forgotten", (await Send(Alice, "/stop")).Text);
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await WaitForArticlesAsync(2);
        Assert.Equal("", _host.Output.Text);
        await using var db = _host.Db();
        Assert.Equal(0, await db.Chats.CountAsync());
    }

    [Fact]
    public async Task Test_says_which_filters_match_a_text_and_why()
    {
        await Send(Alice, "/add ceasefire");
        await Send(Alice, "/add football");
        var reply = await Send(Alice, "/test Ceasefire talks resume in Cairo");
        Assert.Contains("1. ceasefire — matches", reply.Text);
        Assert.Contains("2. football — no match", reply.Text);
    }

    private async Task WaitForArticlesAsync(int count) =>
        await Eventually.TrueAsync(async () =>
        {
            await using var db = _host.Db();
            return await db.Articles.CountAsync() >= count && !await db.Alerts.AnyAsync(a => a.Status == Storage.Entities.AlertStatus.Pending);
        }, TimeSpan.FromSeconds(20), $"{count} articles are stored and nothing is waiting");
}
