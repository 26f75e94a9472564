using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>Links and images inside item HTML are absolute, so they work in a chat far from the feed.</summary>
public class ItemHtmlLinkTests
{
    private const string FeedUrl = "https://town.example.com/feed.xml";

    [Fact]
    public void Relative_href_src_and_srcset_resolve_against_the_item_link()
    {
        var item = Parse("broken/html-relative-links.xml", FeedUrl).Items[0];

        Assert.Equal(
            "<p>See <a href=\"https://town.example.com/2024/03/parade/photos.html\">photos</a> and <a href=\"https://town.example.com/map\">the map</a>.</p>"
            + "<img src=\"https://town.example.com/2024/03/parade/img/float.jpg\" srcset=\"https://town.example.com/2024/03/parade/img/float-2x.jpg 2x, https://town.example.com/img/float-3x.jpg 3x\" alt=\"Float\">",
            item.SummaryHtml);
    }

    [Fact]
    public void Absolute_mailto_data_fragment_and_script_links_are_left_alone()
    {
        var html = Parse("broken/html-relative-links.xml", FeedUrl).Items[0].ContentHtml;

        Assert.Equal(
            "<p><a href=\"#top\">Top</a> <a href='mailto:editor@town.example.com'>Mail</a> <a href=\"https://other.example.org/x\">Abs</a> "
            + "<img src=\"data:image/gif;base64,R0lGOD\"> <a href=\"https://cdn.example.net/y\">Proto</a> <a href=https://town.example.com/2024/03/parade/notes.txt>Notes</a> "
            + "<a href=\"javascript:alert(1)\">JS</a></p>",
            html);
    }

    [Fact]
    public void Item_xml_base_outranks_the_item_link_and_the_feed_url_comes_last()
    {
        var items = Parse("broken/html-relative-links.xml", FeedUrl).Items;

        Assert.Equal("<img src=\"https://static.example.org/assets/pic.png\">", items[1].SummaryHtml);
        Assert.Equal("<a href=\"https://town.example.com/about\">About</a>", items[2].SummaryHtml);
    }

    [Fact]
    public void Atom_content_resolves_against_its_own_xml_base_and_summary_against_the_entry_link()
    {
        var entry = Assert.Single(Parse("broken/atom-html-relative-links.xml", "https://journal.example.com/atom.xml").Items);

        Assert.Equal("<img src=\"https://media.example.com/gallery/one.jpg\">", entry.ContentHtml);
        Assert.Equal("<a href=\"https://journal.example.com/posts/two\">two</a>", entry.SummaryHtml);
    }

    [Fact]
    public void Unterminated_tags_and_quotes_cost_one_pass()
    {
        var bait = string.Concat(Enumerable.Repeat("<a href=\"x ", 50_000)) + string.Concat(Enumerable.Repeat("<img src=", 50_000));
        var xml = $"<rss version=\"2.0\"><channel><item><title>t</title><link>https://e.example.com/a/</link><description><![CDATA[{bait}]]></description></item></channel></rss>";

        var (feed, cpu) = NewsBot.TestKit.CostMeter.Run(() => NewsBot.Sources.Parsing.FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), null, null));

        Assert.Single(feed.Items);
        Assert.True(cpu < TimeSpan.FromSeconds(1), $"{cpu.TotalSeconds:F1} s of CPU");
    }
}
