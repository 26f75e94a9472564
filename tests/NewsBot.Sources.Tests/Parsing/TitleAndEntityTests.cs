using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

public class TitleAndEntityTests
{
    [Theory]
    [InlineData(0, "AT&T to buy rival")]
    [InlineData(1, "Café owner says “no” — again…")]
    [InlineData(2, "Q&A: what a bare ampersand &unknownthing; does")]
    [InlineData(3, "Breaking: markets & bonds fall")]
    [InlineData(4, "Numeric “refs” était")]
    public void Titles_come_out_as_plain_text_with_entities_decoded(int index, string expected)
    {
        var feed = Parse("entities.xml");

        Assert.Equal(expected, feed.Items[index].Title);
    }

    [Fact]
    public void Undeclared_html_entities_and_bare_ampersands_do_not_lose_the_feed()
    {
        var feed = Parse("entities.xml");

        Assert.Equal(5, feed.Items.Count);
        Assert.Empty(feed.Problems);
        Assert.Equal("Entities & Escapes", feed.Title);
        Assert.Equal("https://ent.example.com/att?a=1&b=2", feed.Items[0].Link);
        Assert.Equal("Undeclared HTML entities: © 2024 €5 ✓ [", feed.Items[1].SummaryHtml);
    }

    [Fact]
    public void Cdata_html_is_kept_verbatim_including_its_entities()
    {
        var markets = Parse("entities.xml").Items[3];

        // The relative href is made absolute against the item link (issue 17); the entities stay as written.
        Assert.Equal("<p>Stocks &eacute;dged <a href=\"https://ent.example.com/x?a=1&b=2\">down</a>.</p>", markets.SummaryHtml);
    }
}
