using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

public class BrokenFeedTests
{
    [Fact]
    public void Truncated_feed_keeps_items_before_the_cut()
    {
        var feed = Parse("truncated.xml");

        Assert.Equal("Cut off", feed.Title);
        Assert.Equal(["Complete one", "Complete two"], feed.Items.Select(i => i.Title));
        Assert.Equal(Utc(2024, 1, 25, 10), feed.Items[0].Published);
        var problem = Assert.Single(feed.Problems);
        Assert.Contains("breaks off at line", problem);
    }

    [Fact]
    public void Feed_cut_right_after_an_item_still_reports_the_cut()
    {
        var whole = System.Text.Encoding.UTF8.GetString(Bytes("rss20.xml"));
        var cut = whole[..(whole.IndexOf("</item>", StringComparison.Ordinal) + "</item>".Length)];

        var feed = NewsBot.Sources.Parsing.FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(cut), null, null);

        Assert.Equal("Storm hits the coast", Assert.Single(feed.Items).Title);
        Assert.NotEmpty(feed.Problems);
    }

    [Fact]
    public void Bad_date_keeps_the_item_with_no_published_time_and_a_problem()
    {
        var feed = Parse("dates.xml");

        Assert.Equal(6, feed.Items.Count);
        var garbage = feed.Items.Single(i => i.Id == "d2");
        Assert.Null(garbage.Published);
        Assert.Equal("Garbage date", garbage.Title);
        var problem = Assert.Single(feed.Problems);
        Assert.Contains("item 2 'Garbage date'", problem);
        Assert.Contains("sometime last week", problem);
    }

    [Theory]
    [InlineData("d1", "2024-01-25T07:00:00Z")]
    [InlineData("d3", null)]
    [InlineData("d4", "2024-01-25T10:00:00Z")]
    [InlineData("d5", "2024-01-26T09:00:00Z")]
    [InlineData("d6", "2024-01-27T00:00:00Z")]
    public void Rss_date_comes_from_pubDate_then_dc_date_then_atom_updated(string id, string? expectedUtc)
    {
        var item = Parse("dates.xml").Items.Single(i => i.Id == id);

        Assert.Equal(expectedUtc is null ? null : DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), item.Published);
    }

    [Fact]
    public void Duplicate_guids_are_kept_and_reported()
    {
        var feed = Parse("duplicate-guids.xml");

        Assert.Equal(5, feed.Items.Count);
        Assert.Equal(["same-id", "same-id", "other-id", null, null], feed.Items.Select(i => i.Id));
        var problem = Assert.Single(feed.Problems);
        Assert.Contains("'same-id' is used by 2 items", problem);
    }

    [Fact]
    public void Undeclared_namespace_prefix_of_a_common_module_does_not_lose_the_feed()
    {
        const string xml = """
            <rss version="2.0"><channel><title>No xmlns</title>
            <item><title>One</title><dc:creator>Kai</dc:creator><media:description>Clip</media:description></item>
            </channel></rss>
            """;

        var feed = NewsBot.Sources.Parsing.FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), null, null);

        var item = Assert.Single(feed.Items);
        Assert.Equal("Kai", item.Author);
        Assert.Equal("Clip", item.SummaryHtml);
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void Whitespace_before_the_xml_declaration_is_tolerated()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("\n\n  " + System.Text.Encoding.UTF8.GetString(Bytes("rss20.xml")));

        var feed = NewsBot.Sources.Parsing.FeedParser.Parse(body, null, null);

        Assert.Equal(3, feed.Items.Count);
    }
}
