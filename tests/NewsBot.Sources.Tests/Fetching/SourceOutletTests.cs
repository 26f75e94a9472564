using NewsBot.Sources.Fetching;

namespace NewsBot.Sources.Tests.Fetching;

/// <summary>An outlet is a site: the feeds of one site count once toward a filter's outlets:N.</summary>
public class SourceOutletTests
{
    [Theory]
    [InlineData("https://feeds.bbci.co.uk/news/world/rss.xml", "bbci.co.uk")]
    [InlineData("https://www.bbci.co.uk/sport.rss", "bbci.co.uk")]
    [InlineData("http://rss.cnn.com/rss/edition.rss", "cnn.com")]
    [InlineData("https://feed.example.org/a", "example.org")]
    [InlineData("https://WWW.Example.ORG./a", "example.org")]
    [InlineData("https://www.feeds.example.org/a", "example.org")]
    [InlineData("https://edition.cnn.com/world", "edition.cnn.com")] // other subdomains stay apart
    [InlineData("https://feed.com/rss", "feed.com")] // a site named like a prefix keeps its name
    [InlineData("https://www.feed.com/rss", "feed.com")]
    [InlineData("http://127.0.0.1:8081/feed", "127.0.0.1:8081")] // another port is another server
    [InlineData("https://example.org:443/feed", "example.org")]
    [InlineData("  /srv/feeds/demo.xml ", "/srv/feeds/demo.xml")] // a file is an outlet of its own
    public void An_outlet_is_the_host_without_www_or_feed_prefixes(string url, string outlet) =>
        Assert.Equal(outlet, SourceAddress.Outlet(url));
}
