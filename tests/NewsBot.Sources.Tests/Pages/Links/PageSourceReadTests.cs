using Microsoft.Extensions.Time.Testing;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Pages.Links;
using NewsBot.Sources.Parsing;
using NewsBot.Sources.Reading;
using NewsBot.TestKit;
using NewsBot.TestKit.Pages;

namespace NewsBot.Sources.Tests.Pages.Links;

/// <summary>A page source read as the poll reads it (<see cref="SourceFeedReader"/> over the guarded fetcher) from a real server on loopback.</summary>
public sealed class PageSourceReadTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly NewsFrontPage _page = new();
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttpServer.StartAsync();
        _page.ServeOn(_server, "home");
        _page.Publish("council-backs-harbour-plan", "Council backs harbour plan after long debate");
        _page.Publish("storm-closes-coast-road", "Storm closes the coast road for a second day");
        _page.Publish("new-ferry-timetable-announced", "New ferry timetable announced for the summer");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private SourceFeedReader Reader(bool allowPrivate = true) =>
        new(new FeedFetcher(new FetchOptions { AllowPrivateAddresses = allowPrivate, Timeout = TimeSpan.FromSeconds(10) }, TimeProvider.System),
            new FeedReaderOptions(Path.GetTempPath(), TimeSpan.FromSeconds(20)), _time);

    private SourceReadRequest Request(FeedRead.Read? last = null, string? selector = null) =>
        new(_server.Url("home").ToString(), last?.Fetch.ETag, last?.Fetch.LastModified, last?.ContentHash, new PageSource(selector));

    [Fact]
    public async Task A_page_source_is_read_as_its_main_list_of_headlines()
    {
        var read = Assert.IsType<FeedRead.Read>(await Reader().ReadAsync(Request(), CancellationToken.None));

        Assert.Equal(FeedFormat.HtmlPage, read.Feed.Format);
        Assert.Equal(["New ferry timetable announced for the summer", "Storm closes the coast road for a second day", "Council backs harbour plan after long debate"],
            read.Feed.Items.Select(i => i.Title));
        Assert.Equal(_server.Url("news/2026/03/01/new-ferry-timetable-announced").AbsoluteUri, read.Feed.Items[0].Link);
    }

    [Fact]
    public async Task A_page_with_validators_is_fetched_conditionally_and_a_304_is_unchanged()
    {
        _page.Validators = true;
        var first = Assert.IsType<FeedRead.Read>(await Reader().ReadAsync(Request(), CancellationToken.None));

        var second = await Reader().ReadAsync(Request(first), CancellationToken.None);

        var unchanged = Assert.IsType<FeedRead.Unchanged>(second);
        Assert.False(unchanged.SameBody);
        Assert.Equal(1, _page.NotModifiedResponses);
        Assert.NotNull(_server.Requests.Last().Headers.GetValueOrDefault("If-None-Match"));
    }

    [Fact]
    public async Task The_same_page_again_without_validators_is_unchanged_without_a_parse()
    {
        var first = Assert.IsType<FeedRead.Read>(await Reader().ReadAsync(Request(), CancellationToken.None));

        var second = await Reader().ReadAsync(Request(first), CancellationToken.None);

        Assert.True(Assert.IsType<FeedRead.Unchanged>(second).SameBody);
        Assert.Equal(2, _page.FullResponses);
    }

    [Fact]
    public async Task A_new_headline_or_a_new_selector_is_a_change()
    {
        var first = Assert.IsType<FeedRead.Read>(await Reader().ReadAsync(Request(), CancellationToken.None));

        var reselected = Assert.IsType<FeedRead.Read>(await Reader().ReadAsync(Request(first, "li.headline a"), CancellationToken.None));
        _page.Publish("lifeboat-rescue", "Lifeboat crew rescues two kayakers off the point");
        var published = Assert.IsType<FeedRead.Read>(await Reader().ReadAsync(Request(first), CancellationToken.None));

        Assert.Equal(3, reselected.Feed.Items.Count);
        Assert.Equal("Lifeboat crew rescues two kayakers off the point", published.Feed.Items[0].Title);
    }

    [Fact]
    public async Task A_page_that_loses_its_list_is_unreadable_with_a_message_asking_for_a_selector()
    {
        _page.Break();

        var read = Assert.IsType<FeedRead.Unreadable>(await Reader().ReadAsync(Request(), CancellationToken.None));

        Assert.True(read.ParseError);
        Assert.Equal(PageLinkList.NoListFound, read.Error);
    }

    [Fact]
    public async Task The_address_guard_refuses_a_page_on_a_private_address()
    {
        var read = Assert.IsType<FeedRead.Unreadable>(await Reader(allowPrivate: false).ReadAsync(Request(), CancellationToken.None));

        Assert.Contains("is not allowed", read.Error);
        Assert.Equal(0, _page.FullResponses);
    }
}
