using NewsBot.Sources.Parsing;
using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

public class RssParsingTests
{
    [Fact]
    public void Rss091_with_netscape_doctype_and_its_html_entities_parses()
    {
        var feed = Parse("rss091-doctype.xml");

        Assert.Equal(FeedFormat.Rss, feed.Format);
        Assert.Equal("Café Chronicle", feed.Title);
        Assert.Equal("https://chronicle.example.com/", feed.Link);
        Assert.Equal(["Council approves new budget — with cuts", "Weekend weather"], feed.Items.Select(i => i.Title));
        Assert.Equal("The council voted 7–2…", feed.Items[0].SummaryHtml);
        Assert.Equal("Sunny\u00A0skies.", feed.Items[1].SummaryHtml);
        Assert.All(feed.Items, i => Assert.Null(i.Id));
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void Rss20_items_carry_id_link_bodies_date_and_author()
    {
        var feed = Parse("rss20.xml");

        Assert.Equal(FeedFormat.Rss, feed.Format);
        Assert.Equal("World Desk", feed.Title);
        Assert.Equal("https://news.example.org/world", feed.Link);
        Assert.Equal(3, feed.Items.Count);

        var storm = feed.Items[0];
        Assert.Equal("storm-2024-01-25", storm.Id);
        Assert.Equal("Storm hits the coast", storm.Title);
        Assert.Equal("https://news.example.org/world/storm", storm.Link);
        Assert.Equal("<p>Winds up to <b>150 km/h</b> hit the coast.</p>", storm.SummaryHtml);
        Assert.Equal("<p>Winds up to <b>150 km/h</b> hit the coast on Thursday.</p><p>More later.</p>", storm.ContentHtml);
        Assert.Equal(Utc(2024, 1, 25, 10), storm.Published);
        Assert.Equal("Ana Silva", storm.Author);
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void Rss20_guid_permalink_stands_in_for_a_missing_link_and_author_name_is_taken_from_the_address()
    {
        var elections = Parse("rss20.xml").Items[1];

        Assert.Equal("https://news.example.org/world/elections", elections.Id);
        Assert.Equal("https://news.example.org/world/elections", elections.Link);
        Assert.Equal("Parliament was dissolved <i>today</i>.", elections.SummaryHtml);
        Assert.Equal(Utc(2024, 1, 25, 13, 30), elections.Published);
        Assert.Equal("Ben Okafor", elections.Author);
    }

    [Fact]
    public void Rss20_atom_alternate_link_media_description_and_dc_date_are_fallbacks()
    {
        var talks = Parse("rss20.xml").Items[2];

        Assert.Null(talks.Id);
        Assert.Equal("https://news.example.org/world/talks", talks.Link);
        Assert.Equal("Negotiators met again in Geneva.", talks.SummaryHtml);
        Assert.Null(talks.ContentHtml);
        Assert.Equal(Utc(2024, 1, 24, 17, 15), talks.Published);
    }

    [Fact]
    public void Rdf10_items_beside_the_channel_are_read_with_rdf_about_as_id()
    {
        var feed = Parse("rdf10.xml");

        Assert.Equal(FeedFormat.Rdf, feed.Format);
        Assert.Equal("Science Notes", feed.Title);
        Assert.Equal("https://science.example.net/", feed.Link);
        Assert.Equal(["A comet returns", "Fusion milestone"], feed.Items.Select(i => i.Title));
        Assert.Equal("https://science.example.net/notes/comet", feed.Items[0].Id);
        Assert.Equal("https://science.example.net/notes/comet", feed.Items[0].Link);
        Assert.Equal("Visible to the naked eye next week.", feed.Items[0].SummaryHtml);
        Assert.Equal("Dr. Lee", feed.Items[0].Author);
        Assert.Equal(Utc(2024, 1, 20, 9), feed.Items[0].Published);
        Assert.Equal(Utc(2024, 1, 21, 3, 30), feed.Items[1].Published);
        Assert.Empty(feed.Problems);
    }
}
