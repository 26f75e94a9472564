using NewsBot.Application.Sources;

namespace NewsBot.Tests.Application.Sources;

public sealed class SourceAddressAndNameTests
{
    /// <summary>Longer than the 2,048 characters the database stores for a source's address.</summary>
    private const string LongPath = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" +
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + LongTail;

    private const string LongTail = Chunk + Chunk + Chunk + Chunk + Chunk + Chunk + Chunk + Chunk + Chunk + Chunk;

    private const string Chunk = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" +
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    [Theory]
    [InlineData("https://example.org/feed.xml", SourceOrigin.Remote, "https://example.org/feed.xml")]
    [InlineData("  HTTP://Example.ORG  ", SourceOrigin.Remote, "http://example.org/")]
    [InlineData("https://example.org/feed.xml", SourceOrigin.Operator, "https://example.org/feed.xml")]
    // Escapes are part of the address: %26 in a query is not "&", %20 is not a space.
    [InlineData("https://Example.org/search?q=a%26b&tag=x%20y", SourceOrigin.Remote, "https://example.org/search?q=a%26b&tag=x%20y")]
    [InlineData("samples/feeds/demo.xml", SourceOrigin.Operator, "samples/feeds/demo.xml")]
    [InlineData("/srv/feeds/local.xml", SourceOrigin.Operator, "/srv/feeds/local.xml")]
    [InlineData("file:///srv/feeds/local.xml", SourceOrigin.Operator, "file:///srv/feeds/local.xml")]
    public void Accepted_addresses_are_stored_in_one_spelling(string typed, SourceOrigin origin, string stored)
    {
        Assert.Null(SourceUrl.Check(typed, origin, out var address));
        Assert.Equal(stored, address);
    }

    [Theory]
    [InlineData("", SourceOrigin.Remote, SourceProblem.MissingUrl)]
    [InlineData("   ", SourceOrigin.Operator, SourceProblem.MissingUrl)]
    [InlineData("ftp://example.org/feed.xml", SourceOrigin.Remote, SourceProblem.NotWeb)]
    [InlineData("ftp://example.org/feed.xml", SourceOrigin.Operator, SourceProblem.NotWeb)]
    [InlineData("gopher://example.org/", SourceOrigin.Operator, SourceProblem.NotWeb)]
    [InlineData("mailto:news@example.org", SourceOrigin.Operator, SourceProblem.NotWeb)]
    [InlineData("samples/feeds/demo.xml", SourceOrigin.Remote, SourceProblem.NotWeb)]
    [InlineData("/etc/passwd", SourceOrigin.Remote, SourceProblem.NotWeb)]
    [InlineData("file:///etc/passwd", SourceOrigin.Remote, SourceProblem.NotWeb)]
    [InlineData("https://example.org/" + LongPath, SourceOrigin.Remote, SourceProblem.TooLong)]
    [InlineData("feeds/" + LongPath, SourceOrigin.Operator, SourceProblem.TooLong)]
    public void Addresses_that_are_not_web_feeds_are_refused_and_files_only_from_remote_callers(string typed, SourceOrigin origin, SourceProblem problem) =>
        Assert.Equal(problem, SourceUrl.Check(typed, origin, out _));

    [Theory]
    [InlineData(" Harbour News ", "Feed Title", "https://news.example.org/rss", "Harbour News")]
    [InlineData(null, " Feed Title ", "https://news.example.org/rss", "Feed Title")]
    [InlineData("", "Feed Title", "https://news.example.org/rss", "Feed Title")]
    [InlineData(null, null, "https://news.example.org/rss", "news.example.org")]
    [InlineData(null, "   ", "https://news.example.org/rss", "news.example.org")]
    [InlineData("  ", "", "https://news.example.org/rss", "news.example.org")]
    [InlineData(null, null, "/srv/feeds/local.xml", "local.xml")]
    [InlineData(null, null, "samples/feeds/demo.xml", "demo.xml")]
    public void A_source_is_named_as_given_else_for_its_feed_title_else_its_host(string? given, string? title, string address, string name) =>
        Assert.Equal(name, SourceNames.Choose(given, title, address));
}
