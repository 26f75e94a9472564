using NewsBot.Sources.Parsing;
using NewsBot.TestKit;
using static NewsBot.TestKit.HostileFeeds;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>
/// Nesting depth is the attacker's to choose. Each parse runs on a thread with a 256 KiB stack,
/// where the old recursive reading (XNode.ReadFrom, ElementText.Append) already overflowed at
/// 1,000 levels; a stack overflow cannot be caught and would abort the test host, which is a failure too.
/// </summary>
public class DeepNestingTests
{
    [Theory]
    [InlineData(Format.Rss, 10)]
    [InlineData(Format.Rss, 1_000)]
    [InlineData(Format.Rss, 20_000)]
    [InlineData(Format.Rss, 100_000)]
    [InlineData(Format.Atom, 10)]
    [InlineData(Format.Atom, 1_000)]
    [InlineData(Format.Atom, 100_000)]
    public void Deeply_nested_item_keeps_its_text_and_the_items_around_it(Format format, int depth)
    {
        var (feed, _) = CostMeter.Run(() => FeedParser.Parse(DeepNesting(format, depth), null, null));

        Assert.Equal(["Before", "Deep", "After"], feed.Items.Select(i => i.Title));
        var deep = feed.Items[1];
        Assert.Contains("bottom", deep.ContentHtml ?? deep.SummaryHtml);
        Assert.Equal("https://example.com/deep", deep.Link);
        if (depth > FeedLimits.MaxDepth)
            Assert.Contains(feed.Truncations, t => t.Contains($"nested deeper than {FeedLimits.MaxDepth} levels flattened to text"));
        else
            Assert.Empty(feed.Truncations);
    }

    [Fact]
    public void Flattened_markup_is_bounded_in_depth_for_the_text_stage()
    {
        var (feed, _) = CostMeter.Run(() => FeedParser.Parse(DeepNesting(Format.Rss, 100_000), null, null));

        var html = feed.Items[1].SummaryHtml!;
        Assert.True(html.Split("<b>").Length - 1 <= FeedLimits.MaxDepth, "tags beyond the depth limit are dropped, not kept");
        Assert.Contains("bottom", CostMeter.Run(() => NewsBot.Core.Text.HtmlToText.Convert(html)).Result);
    }

    [Fact]
    public void Deeply_nested_feed_level_element_does_not_stop_the_items()
    {
        var (feed, _) = CostMeter.Run(() => FeedParser.Parse(DeepFeedLevelElement(100_000), null, null));

        Assert.Equal("Honest", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Truncations, t => t.Contains("flattened to text"));
    }

    [Fact]
    public void Deeply_nested_json_ends_the_read_like_a_cut_body_and_keeps_the_items_before()
    {
        var (feed, _) = CostMeter.Run(() => FeedParser.Parse(DeepNesting(Format.JsonFeed, 100_000), null, null));

        Assert.Equal("Before", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Problems, p => p.Contains("breaks off"));
    }

    [Fact]
    public void Shallow_json_nesting_inside_an_item_is_ignored()
    {
        var (feed, _) = CostMeter.Run(() => FeedParser.Parse(DeepNesting(Format.JsonFeed, 10), null, null));

        Assert.Equal(["Before", "Deep", "After"], feed.Items.Select(i => i.Title));
    }

    [Fact]
    public void Atom_title_with_deep_xhtml_is_read_as_one_line()
    {
        var body = Atom($"<entry><id>x</id><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{string.Concat(Enumerable.Repeat("<b>", 50_000))}Deep title{string.Concat(Enumerable.Repeat("</b>", 50_000))}</div></title></entry>");

        var (feed, _) = CostMeter.Run(() => FeedParser.Parse(body, null, null));

        Assert.Equal("Deep title", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Channels_nested_a_hundred_thousand_deep_keep_the_item_inside()
    {
        var depth = 100_000;
        var body = System.Text.Encoding.UTF8.GetBytes($"<rss>{string.Concat(Enumerable.Repeat("<channel>", depth))}<item><title>Inside</title></item>{string.Concat(Enumerable.Repeat("</channel>", depth))}</rss>");

        var (feed, _) = CostMeter.Run(() => FeedParser.Parse(body, null, null));

        Assert.Equal("Inside", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Field_with_a_made_up_name_is_not_named_in_the_truncations()
    {
        var body = Rss($"<item><title>t</title><x{new string('y', 50)}>{Repeat("z", 10_000)}</x{new string('y', 50)}></item>");

        var feed = FeedParser.Parse(body, null, null);

        Assert.Equal(["1 other element cut while reading (too long)"], feed.Truncations);
    }

    [Fact]
    public void Invented_element_names_are_flattened_so_they_are_never_interned()
    {
        // XName interns every name process-wide; a feed inventing names on every poll would grow memory without end.
        var invented = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"<n{i:x}>w{i} </n{i:x}>"));
        var body = Rss($"<item><title>t</title><description><p>{invented}</p></description></item>");

        var feed = FeedParser.Parse(body, null, null);

        var html = Assert.Single(feed.Items).SummaryHtml!;
        Assert.StartsWith("<p>w0 w1 ", html);
        Assert.DoesNotContain("<n", html);
        Assert.Empty(feed.Truncations);
    }
}
