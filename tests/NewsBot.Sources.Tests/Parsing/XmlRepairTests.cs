using System.Text;
using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>Small breakages seen in real feeds, each inside one item title: the feed must survive them.</summary>
public class XmlRepairTests
{
    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("Tom & Jerry", "Tom & Jerry")]
    [InlineData("R&D;", "R&D;")]
    [InlineData("Caf&eacute;&nbsp;&euro;", "Café €")]
    [InlineData("&check; done", "✓ done")]
    [InlineData("Smart &rsquo;quote&lsquo;", "Smart ’quote‘")]
    [InlineData("&#8217;&#x2019;", "’’")]
    [InlineData("Null &#0; char", "Null char")]
    [InlineData("Surrogate &#xD800; ref", "Surrogate ref")]
    [InlineData("Huge &#99999999; ref", "Huge ref")]
    [InlineData("Vertical\u000Btab", "Vertical tab")]
    [InlineData("x &#; y", "x &#; y")]
    [InlineData("<![CDATA[a & b &eacute;]]>", "a & b é")]
    [InlineData("Emoji 🎉 &#x1F389; ok", "Emoji 🎉 🎉 ok")]
    [InlineData("<![CDATA[Emoji 🎉\u0001 in CDATA]]>", "Emoji 🎉 in CDATA")]
    [InlineData("a < b", "a < b")]
    [InlineData("I <3 feeds", "I <3 feeds")]
    [InlineData("1<2", "1<2")]
    [InlineData("Point <georss:point>45.2 -71.4</georss:point>", "Point 45.2 -71.4")]
    public void Broken_characters_in_a_title_do_not_lose_the_feed(string titleXml, string expectedTitle)
    {
        var xml = $"<rss version=\"2.0\"><channel><item><title>{titleXml}</title></item><item><title>next</title></item></channel></rss>";

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null);

        Assert.Equal([expectedTitle, "next"], feed.Items.Select(i => i.Title));
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void Undeclared_namespace_prefixes_of_any_module_do_not_lose_the_feed()
    {
        const string xml = """
            <rss version="2.0"><channel><title>Geo</title>
            <item><title>One</title><georss:point>45.2 -71.4</georss:point><slash:comments>3</slash:comments></item>
            <item><title>Two</title><enclosure foo:bar="x" url="https://geo.example.com/a.mp3" /></item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null);

        Assert.Equal(["One", "Two"], feed.Items.Select(i => i.Title));
        Assert.Empty(feed.Problems);
    }
}
