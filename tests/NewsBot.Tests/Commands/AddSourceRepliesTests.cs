using NewsBot.Core.Commands;
using NewsBot.Discord.Interactions;
using NewsBot.Tests.Application;

namespace NewsBot.Tests.Commands;

/// <summary>
/// What an admin reads after /addsource (Telegram, console) or /newsadmin addsource (Discord): which
/// feed was chosen on a site and which others exist, why a page has no feed and how to follow it
/// anyway, and what a page source found — never more stranger text than a reply can hold.
/// </summary>
public sealed class AddSourceRepliesTests : IAsyncLifetime
{
    private static readonly string[] Headlines = ["Port reopens after the storm", "Ferry strike ends after talks", "Tide tables for the summer", "New pier opens to walkers"];

    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<CommandReply> AddAsync(string text)
    {
        await using var db = _world.Db();
        var command = Assert.IsType<ChatCommand.AddSource>(ChatCommandParser.Parse(text));
        return await _world.SourceCommands.AddAsync(db, command, default);
    }

    private void HomePage(string head) =>
        _world.Site.MapContent("/", $"<!DOCTYPE html><html><head><title>Harbour Daily</title>{head}</head><body>News</body></html>", "text/html");

    [Fact]
    public async Task The_reply_names_the_feed_chosen_on_a_site_and_the_other_feeds_there()
    {
        HomePage("""
            <link rel="alternate" type="application/rss+xml" title="Latest news" href="/rss">
            <link rel="alternate" type="application/rss+xml" title="Opinion" href="/opinion.xml">
            <link rel="alternate" type="application/feed+json" title="Videos" href="/videos.json">
            """);
        var rss = _world.ServeFeed("rss", "Harbour Daily", items: 5);
        var opinion = _world.ServeFeed("opinion.xml", "Opinion pieces");
        _world.Site.MapContent("videos.json",
            """{"version":"https://jsonfeed.org/version/1.1","title":"Videos","items":[{"id":"v1","title":"Clip","url":"https://example.org/v1"}]}""",
            "application/feed+json");

        var reply = (await AddAsync($"/addsource {_world.Site.BaseUrl} Harbour")).Text;

        Assert.StartsWith("Added source #1 Harbour: I found 3 feeds on 127.0.0.1, chose 'Latest news' (" + rss + "); others: ", reply);
        Assert.Contains($"'Opinion' ({opinion})", reply);
        Assert.Contains($"'Videos' ({_world.Site.Url("videos.json")})", reply);
        Assert.Contains("5 items now. Those are recorded as seen", reply);
    }

    [Fact]
    public async Task A_site_whose_feed_is_already_a_source_says_which_source()
    {
        HomePage("""<link rel="alternate" type="application/rss+xml" title="Latest news" href="/rss">""");
        var rss = _world.ServeFeed("rss", "Harbour Daily");
        await AddAsync($"/addsource {rss}");

        var reply = (await AddAsync($"/addsource {_world.Site.BaseUrl}")).Text;

        Assert.Equal($"I found one feed on 127.0.0.1: 'Latest news' ({rss}). That feed is already source #1 (Harbour Daily).", reply);
    }

    [Fact]
    public async Task A_page_without_a_feed_says_what_was_tried_and_how_to_follow_the_page_itself()
    {
        HomePage("");
        var page = _world.Site.BaseUrl.AbsoluteUri;

        var reply = await AddAsync($"/addsource {page}");

        Assert.Contains($"{page} is a web page without a feed: it declares no feed (no <link rel=\"alternate\"> of a feed type)", reply.Text);
        Assert.Contains("(/feed, /rss, /rss.xml, /atom.xml, …) holds one (8 addresses tried)", reply.Text);
        Assert.EndsWith($"To follow the page itself, its article links as the news: /addsource page {page}", reply.Text);
        Assert.EndsWith($"/newsadmin addsource url:{page} page:True", reply.Body.Render(DiscordCommandNaming.Instance));
    }

    [Fact]
    public async Task A_page_without_a_feed_but_with_a_list_of_articles_shows_what_following_it_would_give()
    {
        var cards = string.Concat(Headlines.Select((t, i) => $"""<article class="card"><h3><a href="/news/2026/03/0{i + 1}/story-number-{i + 1}">{t}</a></h3></article>"""));
        _world.Site.MapContent("/", $"<!DOCTYPE html><html><head><title>Harbour Daily</title></head><body><main>{cards}</main></body></html>", "text/html");
        var page = _world.Site.BaseUrl.AbsoluteUri;

        var reply = (await AddAsync($"/addsource {page}")).Text;

        Assert.Contains("The page itself lists 4 article links, e.g. 'Port reopens after the storm', 'Ferry strike ends after talks', 'Tide tables for the summer'", reply);
        Assert.EndsWith($"/addsource page {page}", reply);
    }

    [Fact]
    public async Task A_page_source_reply_counts_its_links_and_shows_the_first_titles()
    {
        _world.Site.MapContent("news", """
            <html><body><h2><a href="/s/1">Port reopens</a></h2><h2><a href="/s/2">Ferry strike ends</a></h2>
            <h2><a href="/s/3">Tide tables for May</a></h2><h2><a href="/s/4">Lighthouse repainted</a></h2></body></html>
            """, "text/html");

        var reply = (await AddAsync($"/addsource page {_world.Site.Url("news")} links:\"h2 a\" Harbour pages")).Text;

        Assert.Equal("Added page source #1 Harbour pages: 4 links, e.g. 'Port reopens', 'Ferry strike ends', 'Tide tables for May'. " +
                     "Those are recorded as seen; alerts start with the next new link.", reply);
        var sources = await ListAsync();
        Assert.Contains("#1 Harbour pages (page)", sources);
        Assert.Contains("page, links: h2 a", sources);
    }

    [Fact]
    public async Task Titles_and_the_number_of_other_feeds_in_a_reply_are_capped()
    {
        var links = string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"""<link rel="alternate" type="application/rss+xml" title="{new string((char)('a' + i), 3000)}" href="/f{i}.xml">"""));
        HomePage(links);
        for (var i = 1; i <= 8; i++) _world.ServeFeed($"f{i}.xml", $"Feed {i}", items: i); // distinct bodies: eight distinct feeds

        var reply = (await AddAsync($"/addsource {_world.Site.BaseUrl}")).Text;

        Assert.Contains("found 8 feeds", reply);
        Assert.Contains("and 4 more", reply);
        Assert.DoesNotContain(new string('b', DiscoveryWordingLimit + 1), reply);
        Assert.True(reply.Length < 1500, $"reply is {reply.Length} characters");
    }

    private const int DiscoveryWordingLimit = NewsBot.Application.Sources.DiscoveryWording.MaxTitleLength;

    private async Task<string> ListAsync()
    {
        await using var db = _world.Db();
        return (await _world.SourceCommands.ListAsync(db, withHealth: true, default)).Text;
    }
}
