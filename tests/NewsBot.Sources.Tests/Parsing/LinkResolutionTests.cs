using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

public class LinkResolutionTests
{
    [Theory]
    [InlineData(0, "https://site.example.com/news/one")]
    [InlineData(1, "https://site.example.com/feeds/two.html")]
    [InlineData(2, "https://mirror.example.net/base/three")]
    [InlineData(3, "https://cdn.example.org/four")]
    [InlineData(4, "https://site.example.com/five")]
    [InlineData(5, null)]
    [InlineData(6, "https://site.example.com/seven")]
    [InlineData(7, "https://site.example.com/eight")]
    [InlineData(8, "https://site.example.com/feeds/folder/nine")]
    public void Relative_links_resolve_against_xml_base_then_the_document_url(int index, string? expected)
    {
        var feed = Parse("relative-links.xml", "https://site.example.com/feeds/main.xml");

        Assert.Equal(expected, feed.Items[index].Link);
    }

    [Fact]
    public void Channel_link_resolves_too()
    {
        var feed = Parse("relative-links.xml", "https://site.example.com/feeds/main.xml");

        Assert.Equal("https://site.example.com/", feed.Link);
    }

    [Fact]
    public void Without_a_document_url_a_relative_link_is_kept_as_written()
    {
        var feed = Parse("relative-links.xml");

        Assert.Equal("/news/one", feed.Items[0].Link);
        Assert.Equal("https://mirror.example.net/base/three", feed.Items[2].Link);
        Assert.Equal("nine", feed.Items[8].Link);
    }
}
