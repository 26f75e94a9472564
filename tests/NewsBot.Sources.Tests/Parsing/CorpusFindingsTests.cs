using System.Text;
using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>Shapes found by running feedparser's public test feeds through the parser (bench/NewsBot.FeedCorpusEval), each written anew here.</summary>
public class CorpusFindingsTests
{
    private static ParsedFeed Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null);

    [Fact]
    public void Rss_20_in_the_userland_namespace_reads_its_items()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns="http://backend.userland.com/rss2" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <title>Early adopter</title><item><title>First post</title><link>https://early.example.com/1</link><dc:creator>Dave</dc:creator></item>
            </channel></rss>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal(("First post", "https://early.example.com/1", "Dave"), (item.Title, item.Link, item.Author));
        Assert.Equal("Early adopter", feed.Title);
    }

    [Fact]
    public void Upper_case_hex_character_reference_is_read_not_a_broken_item()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><item><title>&#X41;&#X2019;s</title><link>https://hex.example.com/</link></item></channel></rss>");

        Assert.Equal("A’s", Assert.Single(feed.Items).Title);
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void Atom_03_link_written_as_text_is_the_entry_link_and_the_alternate_wins()
    {
        var feed = Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
            <entry><title>One</title><link rel="enclosure" type="text/html">https://old.example.com/enclosure</link><link rel="alternate" type="text/html">https://old.example.com/one</link></entry>
            </feed>
            """);

        Assert.Equal("https://old.example.com/one", Assert.Single(feed.Items).Link);
    }
}
