using NewsBot.Sources.Reading;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Reading;

/// <summary>
/// Many servers send no validators (or ignore them) and answer every poll with the whole feed. When
/// the bytes are those of the last good read there is nothing new: the read says "unchanged" and
/// costs no parse, whatever the body (even one that would not parse).
/// </summary>
public sealed class ContentHashTests
{
    private const string Feed = """
        <rss version="2.0"><channel><title>Wire</title>
        <item><title>Ceasefire talks resume in Cairo</title><link>https://example.com/1</link></item>
        </channel></rss>
        """;

    private static SourceFeedReader Reader() =>
        new(Loopback(), new FeedReaderOptions(AppContext.BaseDirectory, TimeSpan.FromSeconds(20)), TimeProvider.System);

    [Fact]
    public async Task The_same_body_again_without_validators_is_unchanged_and_not_parsed()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", Feed);
        var reader = Reader();

        var first = Assert.IsType<FeedRead.Read>(await reader.ReadAsync(new SourceReadRequest(server.Url("feed").AbsoluteUri), default));
        Assert.NotNull(first.ContentHash);
        var second = await reader.ReadAsync(new SourceReadRequest(server.Url("feed").AbsoluteUri, ContentHash: first.ContentHash), default);

        var unchanged = Assert.IsType<FeedRead.Unchanged>(second);
        Assert.True(unchanged.SameBody);
    }

    [Fact]
    public async Task A_changed_body_is_read_and_gets_a_new_hash()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", Feed);
        var reader = Reader();
        var first = Assert.IsType<FeedRead.Read>(await reader.ReadAsync(new SourceReadRequest(server.Url("feed").AbsoluteUri), default));

        server.MapContent("feed", Feed.Replace("</channel>", "<item><title>Second</title><link>https://example.com/2</link></item></channel>", StringComparison.Ordinal));
        var second = Assert.IsType<FeedRead.Read>(
            await reader.ReadAsync(new SourceReadRequest(server.Url("feed").AbsoluteUri, ContentHash: first.ContentHash), default));

        Assert.Equal(2, second.Feed.Items.Count);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void A_page_read_with_another_link_selector_is_another_read_of_the_same_bytes()
    {
        var body = "<html><body><a href='/a'>One headline here</a></body></html>"u8.ToArray();

        Assert.NotEqual(ContentHash.Of(body, new PageSource("h2 a")), ContentHash.Of(body, new PageSource("h3 a")));
        Assert.NotEqual(ContentHash.Of(body, null), ContentHash.Of(body, new PageSource(null)));
        Assert.Equal(ContentHash.Of(body, new PageSource("h2 a")), ContentHash.Of(body, new PageSource("h2 a")));
    }
}
