using System.Text;
using NewsBot.Sources.Parsing;
using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>
/// Broken markup in one item no longer ends the feed: the reader resumes at the next item or entry,
/// the items after the break are read and counted, and the items before it come out as before.
/// </summary>
public class RecoveryParsingTests
{
    [Fact]
    public void Stray_end_tag_in_one_description_keeps_that_item_as_far_as_it_was_read_and_the_rest()
    {
        var feed = Parse("broken/stray-end-tag.xml");

        Assert.Equal(["Ferry timetable changes from Monday", "Council votes on the new pier", "Storm warning for the weekend", "Fish market reopens"], feed.Items.Select(i => i.Title));
        Assert.Equal(3, feed.RecoveredItems);
        var broken = feed.Items[1];
        Assert.Equal(("https://gazette.example.com/pier", "The vote was close."), (broken.Link, broken.SummaryHtml));
        Assert.Null(broken.Published); // the pubDate came after the break
        Assert.Equal("Ana Lima", feed.Items[2].Author); // dc: declared on the root still reads after the break
        Assert.Equal(Utc(2024, 3, 4, 10), feed.Items[2].Published);
        var problem = Assert.Single(feed.Problems);
        Assert.Contains("line 15", problem);
        Assert.Contains("read on from the next item", problem);
    }

    [Fact]
    public void An_item_missing_its_end_tag_keeps_the_items_read_inside_it_as_items_of_their_own()
    {
        // The next items are read as children of the unclosed one until </channel> does not match it.
        var feed = Parse("broken/missing-item-end.xml");

        Assert.Equal(["Harbour crane back in service", "Night ferry cancelled for repairs", "Ceasefire talks resume at the port", "Fish market reopens"],
            feed.Items.Select(i => i.Title));
        Assert.Equal(("https://quay.example.com/ferry", "Repairs take a week."), (feed.Items[1].Link, feed.Items[1].SummaryHtml));
        Assert.Equal(("https://quay.example.com/talks", Utc(2024, 3, 4, 10)), (feed.Items[2].Link, feed.Items[2].Published));
        Assert.Equal(3, feed.RecoveredItems);
        Assert.NotEmpty(feed.Problems);
    }

    [Fact]
    public void Items_before_the_break_are_read_as_from_the_intact_feed()
    {
        var broken = Parse("broken/stray-end-tag.xml");
        var text = Encoding.UTF8.GetString(Bytes("broken/stray-end-tag.xml")).Replace("</p> More", " More", StringComparison.Ordinal);
        var intact = FeedParser.Parse(Encoding.UTF8.GetBytes(text), null, null);

        Assert.Equal(intact.Items[0], broken.Items[0]);
        Assert.Equal(intact.Items[2], broken.Items[2]);
        Assert.Equal(intact.Items[3], broken.Items[3]);
        Assert.Equal(0, intact.RecoveredItems);
        Assert.Equal((intact.Title, intact.Link), (broken.Title, broken.Link));
    }

    [Fact]
    public void Unclosed_br_hr_and_img_in_a_description_keep_every_item()
    {
        var feed = Parse("broken/unclosed-br.xml");

        Assert.Equal(["School run road closed", "Library extends its hours", "Farmers market moves indoors"], feed.Items.Select(i => i.Title));
        Assert.Equal("Open late on Thursdays.<br />Saturdays until 6pm.<hr /><img src=\"https://valley.example.com/lib.jpg\" alt=\"The library\" />&#160;Details inside.", feed.Items[1].SummaryHtml);
        Assert.Equal("From November.In the old hall.", feed.Items[2].SummaryHtml); // <BR> is no HTML name we keep: flattened, text kept
        Assert.Empty(feed.Problems);
        Assert.Equal(0, feed.RecoveredItems);
    }

    [Fact]
    public void Mismatched_title_end_tag_in_an_atom_entry_loses_only_that_entry()
    {
        var feed = Parse("broken/atom-mismatched.xml");

        Assert.Equal(["Tram line opens", "Bridge repairs finished early", "Night buses return"], feed.Items.Select(i => i.Title));
        Assert.Equal(2, feed.RecoveredItems);
        // The default Atom namespace of the root still applies to the entries read after the break.
        Assert.Equal("https://metro.example.org/bridge", feed.Items[1].Link);
        Assert.Equal("urn:metro:bridge", feed.Items[1].Id);
        Assert.Equal("<p>Two weeks ahead of plan.</p>", feed.Items[1].SummaryHtml);
        Assert.Equal(Utc(2024, 3, 4, 11), feed.Items[2].Published);
        Assert.Single(feed.Problems);
    }

    [Fact]
    public void Broken_rdf_item_is_kept_as_read_and_the_next_one_read()
    {
        var feed = Parse("broken/rdf-broken.xml");

        Assert.Equal(FeedFormat.Rdf, feed.Format);
        Assert.Equal(["Comet visible tonight", "Glacier retreat measured", "Bees count to four"], feed.Items.Select(i => i.Title));
        Assert.Equal("https://science.example.net/glacier", feed.Items[1].Id);
        Assert.Equal("R. Okafor", feed.Items[2].Author);
        Assert.Equal("https://science.example.net/bees", feed.Items[2].Id);
        Assert.Equal(2, feed.RecoveredItems);
    }

    /// <summary>A broken item with neither id nor link would change identity once the feed is fixed (a second alert): it is dropped.</summary>
    [Fact]
    public void Broken_items_without_id_or_link_are_dropped_and_every_whole_one_read()
    {
        var items = string.Concat(Enumerable.Range(1, 6).Select(n => n % 2 == 0
            ? $"<item><title>Broken {n}</title><description>a</b></description></item>"
            : $"<item><title>Whole {n}</title></item>\n"));
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>"), null, null);

        Assert.Equal(["Whole 1", "Whole 3", "Whole 5"], feed.Items.Select(i => i.Title));
        Assert.Equal(2, feed.RecoveredItems);
        Assert.Equal(3, feed.Problems.Count);
    }

    [Fact]
    public void Broken_channel_description_before_the_items_keeps_the_items()
    {
        const string xml = """
            <rss version="2.0"><channel><title>Radio Norte</title>
            <description>Notícias <b>do norte</description>
            <item><title>Um</title></item><item><title>Dois</title></item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null);

        Assert.Equal("Radio Norte", feed.Title);
        Assert.Equal(["Um", "Dois"], feed.Items.Select(i => i.Title));
        Assert.Equal(2, feed.RecoveredItems);
    }

    [Fact]
    public void Truncated_feed_after_a_break_reports_both_and_keeps_what_was_read()
    {
        const string xml = "<rss version=\"2.0\"><channel><item><title>A</title></item><item><title>B</x></item><item><title>C</title></item><item><title>D";

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null);

        Assert.Equal(["A", "C"], feed.Items.Select(i => i.Title));
        Assert.Equal(1, feed.RecoveredItems);
        Assert.Equal(2, feed.Problems.Count);
        Assert.Contains("breaks off", feed.Problems[1]);
    }

    [Fact]
    public void Item_text_that_only_looks_like_an_item_tag_is_not_a_resume_point()
    {
        const string xml = "<rss version=\"2.0\"><channel><item><title>A</x></item><items>no</items><item><title>B</title></item></channel></rss>";

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null);

        Assert.Equal(["B"], feed.Items.Select(i => i.Title));
    }

    [Fact]
    public void Xml_base_of_the_channel_still_applies_after_the_break()
    {
        const string xml = """
            <rss version="2.0"><channel xml:base="https://base.example.com/news/">
            <item><title>A</x><link>a</link></item>
            <item><title>B</title><link>b.html</link></item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), new Uri("https://other.example.com/feed"), null);

        Assert.Equal("https://base.example.com/news/b.html", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Last_entry_broken_before_its_end_is_kept_when_it_has_an_id_and_a_link()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
            <entry><id>urn:wire:1</id><title>Port strike ends</title><link href="https://wire.example.com/1"/>
            <source><title type="text">Agency</subtitle></source></entry>
            </feed>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null);

        var entry = Assert.Single(feed.Items);
        Assert.Equal(("urn:wire:1", "Port strike ends", "https://wire.example.com/1"), (entry.Id, entry.Title, entry.Link));
        Assert.Equal(1, feed.RecoveredItems);
        Assert.Contains("breaks off", Assert.Single(feed.Problems));
    }
}
