namespace NewsBot.Sources.Tests.Parsing;

public class TruncationTests
{
    /// <summary>Each complete test file, cut 20 characters into its second item: the first item must survive.</summary>
    [Theory]
    [InlineData("rss20.xml", "<item>", "Storm hits the coast")]
    [InlineData("rdf10.xml", "<item ", "A comet returns")]
    [InlineData("atom10.xml", "<entry", "Bold claims about AI")]
    [InlineData("atom03.xml", "<entry>", "Record sale")]
    [InlineData("jsonfeed10.json", "\"id\"", "Second post")]
    public void Truncated_feed_keeps_items_before_the_cut(string file, string itemStart, string firstTitle)
    {
        var whole = System.Text.Encoding.UTF8.GetString(FeedFiles.Bytes(file));
        var second = whole.IndexOf(itemStart, whole.IndexOf(itemStart, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var cut = System.Text.Encoding.UTF8.GetBytes(whole[..(second + 20)]);

        var feed = NewsBot.Sources.Parsing.FeedParser.Parse(cut, null, null);

        Assert.Equal(firstTitle, Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Problems, p => p.Contains("breaks off"));
    }
}
