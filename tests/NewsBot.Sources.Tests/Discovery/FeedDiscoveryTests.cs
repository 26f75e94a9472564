using NewsBot.Sources.Discovery;

namespace NewsBot.Sources.Tests.Discovery;

/// <summary>
/// A site address instead of a feed: the feeds its page declares, else the common feed paths, each
/// test-read, the main one chosen, and never more than a few requests for one page.
/// </summary>
public sealed class FeedDiscoveryTests : IAsyncLifetime
{
    private static readonly string[] Headlines = ["Port reopens after the storm", "Ferry strike ends after talks", "Tide tables for the summer", "New pier opens to walkers"];

    private DiscoverySite _site = null!;

    public async Task InitializeAsync() => _site = await DiscoverySite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_first_declared_feed_is_chosen_and_the_other_feeds_are_listed()
    {
        _site.Page("/", """
            <link rel="alternate" type="application/rss+xml" title="Latest news" href="/rss/latest">
            <link rel="alternate" type="application/atom+xml" title="Opinion" href="/atom/opinion">
            <link rel="alternate" type="application/feed+json" title="Videos" href="/videos.json">
            """);
        _site.Rss("/rss/latest", "Harbour Daily latest");
        _site.Rss("/atom/opinion", "Harbour Daily opinion");
        _site.Server.MapContent("/videos.json",
            """{"version":"https://jsonfeed.org/version/1.1","title":"Videos","items":[{"id":"v1","title":"Clip","url":"https://example.org/v1"}]}""",
            "application/feed+json");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync());

        Assert.Equal((_site.Url("/rss/latest"), "Latest news"), (found.Main.Url, found.Main.Title));
        Assert.Equal(["Opinion", "Videos"], found.Others.Select(f => f.Title));
        Assert.Equal(3, found.Count);
    }

    [Theory]
    [InlineData("alternate")]
    [InlineData("ALTERNATE")]
    [InlineData("alternate feed")]
    [InlineData(" Feed  Alternate ")]
    public async Task Alternate_is_a_token_of_rel_in_any_case(string rel)
    {
        _site.Page("/", $"""<link rel="{rel}" type="Application/RSS+XML; charset=utf-8" href="/news.rss">""");
        _site.Rss("/news.rss", "News");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync());

        Assert.Equal(_site.Url("/news.rss"), found.Main.Url);
        Assert.Equal("News", found.Main.Title); // no title on the link: the feed's own
    }

    [Fact]
    public async Task Feed_links_are_resolved_against_the_pages_base_href()
    {
        _site.Page("/section/world", """<base href="/mirror/"><link rel="alternate" type="application/atom+xml" href="world.atom">""");
        _site.Server.MapContent("/mirror/world.atom",
            """<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title><entry><id>w1</id><title>One</title><link href="https://example.org/w1"/></entry></feed>""",
            "application/atom+xml");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync("/section/world"));

        Assert.Equal(_site.Url("/mirror/world.atom"), found.Main.Url);
    }

    [Fact]
    public async Task A_comments_feed_declared_first_is_not_the_one_chosen()
    {
        _site.Page("/", """
            <link rel="alternate" type="application/rss+xml" title="Harbour Daily » Comments Feed" href="/comments/feed">
            <link rel="alternate" type="application/rss+xml" title="Harbour Daily » Feed" href="/feed">
            """);
        _site.Rss("/comments/feed", "Comments on Harbour Daily");
        _site.Rss("/feed", "Harbour Daily");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync());

        Assert.Equal(_site.Url("/feed"), found.Main.Url);
        Assert.Equal(_site.Url("/comments/feed"), Assert.Single(found.Others).Url);
    }

    [Fact]
    public async Task A_declared_feed_that_is_missing_is_skipped_for_the_next_one()
    {
        _site.Page("/", """
            <link rel="alternate" type="application/rss+xml" title="Old feed" href="/old.rss">
            <link rel="alternate" type="application/rss+xml" title="Current" href="/current.rss">
            """);
        _site.Rss("/current.rss", "Current");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync());

        Assert.Equal(_site.Url("/current.rss"), found.Main.Url);
        Assert.Empty(found.Others); // a feed that does not read is not offered
    }

    [Fact]
    public async Task A_page_without_feed_links_finds_the_feed_at_a_common_path_of_its_site()
    {
        _site.Page("/news/today", "");
        _site.Rss("/rss.xml", "Harbour Daily");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync("/news/today"));

        Assert.Equal(_site.Url("/rss.xml"), found.Main.Url);
        // /feed, /rss and /rss.xml are the first wave; the later paths are never asked for.
        Assert.Equal(["/feed", "/rss", "/rss.xml"], _site.FeedRequests("/news/today").Order());
    }

    [Fact]
    public async Task A_page_with_no_feed_anywhere_says_so_after_the_page_and_the_common_paths()
    {
        _site.Page("/", "");

        var none = Assert.IsType<FeedDiscoveryResult.NoFeed>(await _site.DiscoverAsync());

        Assert.Equal((0, CommonFeedPaths.Paths.Count), (none.Declared, none.Checked));
        Assert.Equal(CommonFeedPaths.Paths.Order(), _site.FeedRequests().Order());
    }

    [Fact]
    public async Task A_page_without_a_feed_tells_what_following_the_page_itself_would_give()
    {
        var cards = string.Concat(Headlines.Select((t, i) => $"""<article class="card"><h3><a href="/news/2026/03/0{i + 1}/story-number-{i + 1}">{t}</a></h3></article>"""));
        _site.Page("/", "", $"""<nav><a href="/about">About us and our team</a></nav><main><div class="grid">{cards}</div></main>""");

        var none = Assert.IsType<FeedDiscoveryResult.NoFeed>(await _site.DiscoverAsync());

        Assert.Equal(Headlines, none.ArticleLinks.Select(i => i.Title));
    }

    [Fact]
    public void Feed_titles_of_a_page_whose_charset_is_declared_only_in_a_meta_tag_are_read_in_that_charset()
    {
        var html = """<html><head><meta charset="windows-1251"><link rel="alternate" type="application/rss+xml" title="Главные новости" href="/rss"></head><body></body></html>""";
        var body = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(html);

        var link = Assert.Single(FeedLinks.Find(body, new Uri("https://news.example/"), null));

        Assert.Equal("Главные новости", link.Title);
    }

    [Fact]
    public async Task A_page_declaring_many_feeds_costs_at_most_ten_reads()
    {
        var links = string.Concat(Enumerable.Range(1, 200).Select(i => $"""<link rel="alternate" type="application/rss+xml" href="/broken/{i}.rss">"""));
        _site.Page("/", links);

        var none = Assert.IsType<FeedDiscoveryResult.NoFeed>(await _site.DiscoverAsync());

        Assert.Equal(FeedDiscovery.MaxCandidates, none.Checked);
        Assert.Equal(FeedDiscovery.MaxCandidates, _site.FeedRequests().Count);
    }

    [Fact]
    public async Task Links_to_files_other_schemes_and_private_addresses_are_never_read()
    {
        _site.Page("/", """
            <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
            <link rel="alternate" type="application/rss+xml" href="ftp://example.org/feed">
            <link rel="alternate" type="application/rss+xml" href="http://127.0.0.2:1/feed">
            <link rel="alternate" type="application/rss+xml" title="Real" href="/real.rss">
            """);
        _site.Rss("/real.rss", "Real");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync());

        Assert.Equal(_site.Url("/real.rss"), found.Main.Url); // 127.0.0.2 was refused by the address guard, not read
        Assert.Empty(found.Others);
    }

    [Fact]
    public async Task Generic_xml_counts_only_when_its_title_or_address_says_feed()
    {
        _site.Page("/", """
            <link rel="alternate" type="text/xml" title="Sitemap" href="/sitemap.xml">
            <link rel="alternate" type="application/xml" title="RSS" href="/export">
            """);
        _site.Rss("/export", "Export");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync());

        Assert.Equal(_site.Url("/export"), found.Main.Url);
        Assert.DoesNotContain("/sitemap.xml", _site.FeedRequests());
    }

    [Fact]
    public async Task Titles_from_the_page_are_capped()
    {
        _site.Page("/", $"""<link rel="alternate" type="application/rss+xml" title="{new string('x', 5000)}" href="/feed">""");
        _site.Rss("/feed", "Feed");

        var found = Assert.IsType<FeedDiscoveryResult.Found>(await _site.DiscoverAsync());

        Assert.Equal(FeedLinks.MaxTitleLength, found.Main.Title!.Length);
    }

    [Fact]
    public async Task An_address_that_is_not_a_page_is_left_alone()
    {
        _site.Server.MapContent("/data", "just some text, no markup", "text/plain");

        Assert.IsType<FeedDiscoveryResult.NotAPage>(await _site.DiscoverAsync("/data"));
        Assert.Empty(_site.FeedRequests("/data"));
    }

    [Fact]
    public async Task A_page_that_cannot_be_fetched_says_why()
    {
        var failed = Assert.IsType<FeedDiscoveryResult.PageUnreadable>(await _site.DiscoverAsync("/gone"));
        Assert.Contains("404", failed.Error);
    }

    [Fact]
    public async Task A_site_that_never_answers_ends_the_search_at_its_time_limit()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Server.Map("/slow", async ctx =>
        {
            answered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted); // holds the request open; the fetcher's own timeout is longer
        });
        using var fetcher = Fetching.TestFetchers.Loopback(new Sources.Fetching.FetchOptions { Timeout = TimeSpan.FromHours(1) }, time);
        var reader = new Sources.Reading.SourceFeedReader(fetcher, new Sources.Reading.FeedReaderOptions(Path.GetTempPath(), TimeSpan.FromSeconds(20)), time);
        var search = new FeedDiscovery(fetcher, reader, time).DiscoverAsync(_site.Url("/slow"), default);
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(20));

        time.Advance(FeedDiscovery.MaxDuration);

        var failed = Assert.IsType<FeedDiscoveryResult.PageUnreadable>(await search.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("looking for its feeds took longer than 60 s", failed.Error);
    }
}
