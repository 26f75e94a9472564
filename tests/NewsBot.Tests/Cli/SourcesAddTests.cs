using NewsBot.Application.Sources;
using NewsBot.Cli;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Application;

namespace NewsBot.Tests.Cli;

/// <summary>`sources add` with a site address, a page without a feed, and a page source, as the operator reads the outcome.</summary>
public sealed class SourcesAddTests : IAsyncLifetime
{
    private ApplicationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ApplicationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<(int Code, string Output, string Error)> AddAsync(SourceDraft draft)
    {
        await using var db = _world.Db();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SourcesCommand.AddAsync(_world.Adder, db, draft, output, error, default);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_site_address_adds_the_feed_found_and_says_which_it_chose()
    {
        _world.Site.MapContent("/", "<html><head><link rel='alternate' type='application/atom+xml' title='All stories' href='/feed.xml'></head></html>", "text/html");
        var feed = _world.ServeFeed("feed.xml", "Harbour Daily", items: 3);

        var (code, output, _) = await AddAsync(new SourceDraft(_world.Site.BaseUrl.ToString()));

        Assert.Equal(0, code);
        Assert.Contains($"found one feed on 127.0.0.1: 'All stories' ({feed})", output);
        Assert.Contains("Added source 1 'Harbour Daily': Rss, 3 items", output);
    }

    [Fact]
    public async Task A_page_without_a_feed_is_refused_with_the_page_option_to_follow_it()
    {
        _world.Site.MapContent("/", "<html><body>No feed here</body></html>", "text/html");

        var (code, _, error) = await AddAsync(new SourceDraft(_world.Site.BaseUrl.ToString()));

        Assert.Equal(1, code);
        Assert.Contains("is a web page without a feed", error);
        Assert.Contains($"sources add {_world.Site.BaseUrl} --page", error);
    }

    [Fact]
    public async Task A_page_source_is_added_with_its_links_counted()
    {
        _world.Site.MapContent("news", "<html><body><a class='s' href='/1'>Port reopens</a><a class='s' href='/2'>Ferry strike ends</a></body></html>", "text/html");

        var (code, output, _) = await AddAsync(new SourceDraft(_world.Site.Url("news").ToString(), Kind: SourceKind.Page, PageLinkSelector: "a.s"));

        Assert.Equal(0, code);
        Assert.Contains("Added page source 1 '127.0.0.1': 2 links, e.g. 'Port reopens', 'Ferry strike ends'", output);
    }
}
