using NewsBot.Sources.Parsing;
using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

public class AtomParsingTests
{
    [Fact]
    public void Atom10_entries_resolve_links_against_nested_xml_base()
    {
        var feed = Parse("atom10.xml", "https://feeds.example.com/blog.xml");

        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal("https://blog.example.com/", feed.Link);
        Assert.Equal("https://blog.example.com/posts/ai-claims", feed.Items[0].Link);
        Assert.Equal("https://blog.example.com/archive/2024/nested-base", feed.Items[1].Link);
        Assert.Equal("https://cdn.example.com/media/clip", feed.Items[2].Link);
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void Atom10_html_and_xhtml_titles_become_plain_text()
    {
        var feed = Parse("atom10.xml");

        Assert.Equal("Tech & Society", feed.Title);
        Assert.Equal("Bold claims about AI", feed.Items[0].Title);
        Assert.Equal("Nested base links", feed.Items[1].Title);
        Assert.Equal("Link base on the link itself", feed.Items[2].Title);
    }

    [Fact]
    public void Atom10_text_html_and_xhtml_bodies_are_kept_as_html()
    {
        var items = Parse("atom10.xml").Items;

        Assert.Equal("Why 5 &lt; 6 matters.", items[0].SummaryHtml);
        Assert.Equal("<p>Claims are <em>bold</em>.</p>", items[0].ContentHtml);
        Assert.Equal("<p>Escaped &amp; fine</p>", items[1].ContentHtml);
        Assert.Null(items[2].ContentHtml);
    }

    [Fact]
    public void Atom10_prefers_published_over_updated_and_reads_id_and_author()
    {
        var items = Parse("atom10.xml").Items;

        Assert.Equal("tag:blog.example.com,2024:ai-claims", items[0].Id);
        Assert.Equal(Utc(2024, 1, 25, 7), items[0].Published);
        Assert.Equal("Mira Patel", items[0].Author);
        Assert.Equal(Utc(2024, 1, 24, 8), items[1].Published);
    }

    [Fact]
    public void Atom03_escaped_and_base64_modes_issued_dates_and_links_are_read()
    {
        var feed = Parse("atom03.xml");

        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal("Old & Gold", feed.Title);
        Assert.Equal("https://oldgold.example.com/", feed.Link);
        var sale = feed.Items[0];
        Assert.Equal("tag:oldgold.example.com,2024:1", sale.Id);
        Assert.Equal("Record sale", sale.Title);
        Assert.Equal("https://oldgold.example.com/record-sale", sale.Link);
        Assert.Equal("A rare coin sold.", sale.SummaryHtml);
        Assert.Equal("<p>A <em>rare</em> coin sold.</p>", sale.ContentHtml);
        Assert.Equal(Utc(2024, 1, 22, 17), sale.Published);
        Assert.Equal("Gold Desk", sale.Author);
        Assert.Equal("<p>Decoded from base64</p>", feed.Items[1].ContentHtml);
        Assert.Equal(Utc(2024, 1, 23, 10), feed.Items[1].Published);
        Assert.Empty(feed.Problems);
    }
}
