using NewsBot.Sources.Parsing;
using static NewsBot.Sources.Tests.Parsing.FeedFiles;

namespace NewsBot.Sources.Tests.Parsing;

public class JsonFeedParsingTests
{
    [Fact]
    public void JsonFeed10_items_are_read_with_text_bodies_escaped_to_html()
    {
        var feed = Parse("jsonfeed10.json", "https://micro.example.com/feed.json");

        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal("Microblog", feed.Title);
        Assert.Equal("https://micro.example.com/", feed.Link);

        var second = feed.Items[0];
        Assert.Equal("2", second.Id);
        Assert.Equal("Second post", second.Title);
        Assert.Equal("https://micro.example.com/2", second.Link);
        Assert.Equal("<p>Hello <b>world</b></p>", second.ContentHtml);
        Assert.Equal("A greeting &amp; more", second.SummaryHtml);
        Assert.Equal(Utc(2024, 1, 25, 15), second.Published);
        Assert.Equal("Sam Doe", second.Author);

        var first = feed.Items[1];
        Assert.Equal("1", first.Id);
        Assert.Equal("", first.Title);
        Assert.Equal("https://micro.example.com/1", first.Link);
        Assert.Equal("Plain text post with &lt;angle&gt; brackets", first.ContentHtml);
        Assert.Equal(Utc(2024, 1, 24, 10), first.Published);
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void JsonFeed11_authors_array_and_external_url_are_used()
    {
        var feed = Parse("jsonfeed11.json");

        var episode = Assert.Single(feed.Items);
        Assert.Equal("ep-42", episode.Id);
        Assert.Equal("Episode 42", episode.Title);
        Assert.Equal("https://elsewhere.example.com/ep-42", episode.Link);
        Assert.Equal("Kim Ito", episode.Author);
        Assert.Equal(Utc(2024, 1, 25, 10), episode.Published);
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void Truncated_json_feed_keeps_items_before_the_cut()
    {
        var feed = Parse("truncated.json");

        var item = Assert.Single(feed.Items);
        Assert.Equal("Whole item", item.Title);
        Assert.Contains(feed.Problems, p => p.Contains("breaks off"));
    }
}
