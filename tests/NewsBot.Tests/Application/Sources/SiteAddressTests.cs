using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Sources;
using NewsBot.Storage.Entities;

namespace NewsBot.Tests.Application.Sources;

/// <summary>
/// Adding a site or page address instead of a feed: <see cref="SourceAdder"/> stores the feed found on
/// it (or says none was found), and a feed address still costs exactly one read.
/// </summary>
public sealed class SiteAddressTests : IAsyncLifetime
{
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string HomePage(string head)
    {
        _world.Site.MapContent("/", $"<!DOCTYPE html><html><head><title>Harbour Daily</title>{head}</head><body>News</body></html>", "text/html");
        return _world.Site.BaseUrl.ToString();
    }

    private const string TwoFeeds = """
        <link rel="alternate" type="application/rss+xml" title="Harbour Daily » Comments" href="/comments/feed">
        <link rel="alternate" type="application/rss+xml" title="Latest news" href="/latest.xml">
        <link rel="alternate" type="application/rss+xml" title="Opinion" href="/opinion.xml">
        """;

    [Fact]
    public async Task A_site_address_becomes_its_main_feed_named_for_that_feed()
    {
        var page = HomePage(TwoFeeds);
        _world.ServeFeed("comments/feed", "Comments");
        var latest = _world.ServeFeed("latest.xml", "Harbour Daily: latest", items: 4);
        _world.ServeFeed("opinion.xml", "Harbour Daily: opinion");
        await using var db = _world.Db();

        var added = Assert.IsType<SourceAddResult.Added>(await _world.Adder.AddAsync(db, new SourceDraft(page), SourceOrigin.Remote, default));

        Assert.Equal((latest, "Harbour Daily: latest", SourceKind.Feed), (added.Source.Url, added.Source.Name, added.Source.Kind));
        Assert.Equal(4, added.Read!.Feed.Items.Count);
        Assert.Equal(["Harbour Daily » Comments", "Opinion"], added.Discovered!.Others.Select(o => o.Title).Order());
        await using var check = _world.Db();
        Assert.Equal(latest, (await check.Sources.SingleAsync()).Url);
    }

    [Fact]
    public async Task A_site_whose_main_feed_is_already_a_source_is_a_duplicate_of_that_source()
    {
        var page = HomePage(TwoFeeds);
        var latest = _world.ServeFeed("latest.xml", "Latest");
        await using var db = _world.Db();
        var first = Assert.IsType<SourceAddResult.Added>(await _world.Adder.AddAsync(db, new SourceDraft(latest), SourceOrigin.Remote, default));

        var again = await _world.Adder.AddAsync(db, new SourceDraft(page), SourceOrigin.Remote, default);

        var duplicate = Assert.IsType<SourceAddResult.Duplicate>(again);
        Assert.Equal(first.Source.Id, duplicate.Existing.Id);
        Assert.Equal(latest, duplicate.Discovered!.Main.Url.AbsoluteUri);
        Assert.Equal(1, await db.Sources.CountAsync());
    }

    [Fact]
    public async Task A_page_with_no_feed_is_reported_with_what_was_tried_and_nothing_is_stored()
    {
        var page = HomePage("");
        await using var db = _world.Db();

        var none = Assert.IsType<SourceAddResult.NoFeed>(await _world.Adder.AddAsync(db, new SourceDraft(page), SourceOrigin.Remote, default));

        Assert.Equal(new Uri(page), none.Search.Page);
        Assert.Equal(8, none.Search.Checked);
        Assert.False(await db.Sources.AnyAsync());
    }

    [Fact]
    public async Task A_feed_address_is_read_once_and_nothing_else_is_asked_for()
    {
        var url = _world.ServeFeed("feed.xml", "Harbour News");
        await using var db = _world.Db();

        var added = Assert.IsType<SourceAddResult.Added>(await _world.Adder.AddAsync(db, new SourceDraft(url), SourceOrigin.Remote, default));

        Assert.Null(added.Discovered);
        Assert.Equal(["/feed.xml"], _world.Site.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_broken_feed_that_is_no_page_keeps_its_own_error_and_no_common_path_is_tried()
    {
        _world.Site.MapContent("broken.xml", "<<< this is not a feed >>>", "application/rss+xml");
        await using var db = _world.Db();

        var result = await _world.Adder.AddAsync(db, new SourceDraft(_world.Site.Url("broken.xml").ToString()), SourceOrigin.Remote, default);

        Assert.Contains("not a feed", Assert.IsType<SourceAddResult.Unreadable>(result).Error);
        Assert.All(_world.Site.Requests, r => Assert.Equal("/broken.xml", r.Path));
    }

    [Fact]
    public async Task A_page_source_with_a_selector_is_stored_as_a_page_whose_links_are_its_items()
    {
        _world.Site.MapContent("news", """
            <html><body><nav><a href="/about">About</a></nav>
            <ul class="stories"><li><a href="/s/1">Port reopens</a></li><li><a href="/s/2">Ferry strike ends</a></li></ul></body></html>
            """, "text/html");
        await using var db = _world.Db();
        var draft = new SourceDraft(_world.Site.Url("news").ToString(), "Harbour pages", Kind: SourceKind.Page, PageLinkSelector: " .stories a ");

        var added = Assert.IsType<SourceAddResult.Added>(await _world.Adder.AddAsync(db, draft, SourceOrigin.Remote, default));

        Assert.Equal((SourceKind.Page, ".stories a"), (added.Source.Kind, added.Source.PageLinkSelector));
        Assert.Equal(["Port reopens", "Ferry strike ends"], added.Read!.Feed.Items.Select(i => i.Title));
    }

    [Fact]
    public async Task A_page_source_whose_selector_is_not_css_is_refused_with_the_reason()
    {
        _world.Site.MapContent("news", "<html><body><a href='/s/1'>One</a></body></html>", "text/html");
        await using var db = _world.Db();
        var draft = new SourceDraft(_world.Site.Url("news").ToString(), Kind: SourceKind.Page, PageLinkSelector: "a[[[");

        var result = await _world.Adder.AddAsync(db, draft, SourceOrigin.Remote, default);

        Assert.Contains("is not valid CSS", Assert.IsType<SourceAddResult.Unreadable>(result).Error);
        Assert.False(await db.Sources.AnyAsync());
    }

    [Fact]
    public async Task A_selector_longer_than_the_column_is_refused_before_any_fetch()
    {
        await using var db = _world.Db();
        var draft = new SourceDraft(_world.Site.Url("news").ToString(), Kind: SourceKind.Page, PageLinkSelector: new string('a', 501));

        var result = await _world.Adder.AddAsync(db, draft, SourceOrigin.Remote, default);

        Assert.Equal(SourceProblem.SelectorTooLong, Assert.IsType<SourceAddResult.Invalid>(result).Problem);
        Assert.Empty(_world.Site.Requests);
    }

    [Theory]
    [InlineData("almayadeen.net", SourceOrigin.Remote, "https://almayadeen.net/")]
    [InlineData(" www.bbc.co.uk/news ", SourceOrigin.Remote, "https://www.bbc.co.uk/news")]
    [InlineData("almayadeen.net", SourceOrigin.Operator, "https://almayadeen.net/")]
    [InlineData("samples/demo-feed.xml", SourceOrigin.Operator, "samples/demo-feed.xml")]
    [InlineData("feed.xml", SourceOrigin.Operator, "feed.xml")]
    public void A_site_typed_without_a_scheme_is_read_as_https_and_a_file_stays_a_file(string typed, SourceOrigin origin, string stored)
    {
        Assert.Null(SourceUrl.Check(typed, origin, out var address));
        Assert.Equal(stored, address);
    }
}
