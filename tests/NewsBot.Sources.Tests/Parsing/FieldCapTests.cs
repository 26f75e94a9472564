using NewsBot.Sources.Parsing;
using static NewsBot.TestKit.HostileFeeds;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>Every field and the item count stay within <see cref="FeedLimits"/>, and the source's health says which cap bit.</summary>
public class FieldCapTests
{
    public static TheoryData<Format> AllFormats => new(Formats);

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Four_megabyte_title_is_cut_to_what_a_chat_can_show(Format format)
    {
        var feed = FeedParser.Parse(HugeFields(format, 4_000_000, 10, 10), null, null);

        var item = Assert.Single(feed.Items);
        Assert.Equal(FeedLimits.MaxTitleChars, item.Title.Length);
        Assert.StartsWith("Headline Headline", item.Title);
        Assert.Contains("1 title cut to 500 characters", feed.Truncations);
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Four_megabyte_author_is_cut(Format format)
    {
        var feed = FeedParser.Parse(HugeFields(format, 10, 4_000_000, 10), null, null);

        var item = Assert.Single(feed.Items);
        Assert.InRange(item.Author!.Length, 1, FeedLimits.MaxAuthorChars);
        Assert.Contains(feed.Truncations, t => t.Contains("author"));
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Megabyte_link_is_dropped_and_megabyte_id_cut(Format format)
    {
        var feed = FeedParser.Parse(HugeFields(format, 10, 10, 1_000_000), null, null);

        var item = Assert.Single(feed.Items);
        Assert.Null(item.Link);
        Assert.InRange(item.Id!.Length, 1, FeedLimits.MaxIdChars);
        Assert.Contains(feed.Truncations, t => t.Contains("link longer than 2,048 characters dropped"));
        Assert.Contains(feed.Truncations, t => t.Contains("id cut to 2,048 characters"));
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Huge_summary_and_content_are_cut_to_the_html_cap(Format format)
    {
        var feed = FeedParser.Parse(HugeFields(format, 10, 10, 10, 2_000_000), null, null);

        var item = Assert.Single(feed.Items);
        Assert.InRange(item.SummaryHtml!.Length, FeedLimits.MaxHtmlChars / 2, FeedLimits.MaxHtmlChars);
        Assert.InRange(item.ContentHtml!.Length, FeedLimits.MaxHtmlChars / 2, FeedLimits.MaxHtmlChars);
        Assert.NotEmpty(feed.Truncations);
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Twenty_thousand_dated_items_keep_the_newest_500(Format format)
    {
        var feed = FeedParser.Parse(ManyItems(format, 20_000, dated: true), null, null);

        Assert.Equal(FeedLimits.MaxItems, feed.Items.Count);
        Assert.Equal(Enumerable.Range(19_500, 500).Select(i => $"Item {i}"), feed.Items.Select(i => i.Title));
        Assert.Contains("kept the newest 500 of 20,000 items", feed.Truncations);
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Twenty_thousand_undated_items_keep_the_first_500_in_document_order(Format format)
    {
        var feed = FeedParser.Parse(ManyItems(format, 20_000, dated: false), null, null);

        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"Item {i}"), feed.Items.Select(i => i.Title));
        Assert.Contains("kept the newest 500 of 20,000 items", feed.Truncations);
    }

    [Fact]
    public void Honest_feed_reports_no_truncation()
    {
        var feed = FeedParser.Parse(ManyItems(Format.Rss, 50, dated: true), null, null);

        Assert.Equal(50, feed.Items.Count);
        Assert.Empty(feed.Truncations);
    }

    [Fact]
    public void Twelve_long_titles_are_counted_in_one_line()
    {
        var items = string.Concat(Enumerable.Range(0, 12).Select(i => $"<item><title>{Repeat("Long ", 1_000)}</title><guid>{i}</guid></item>"));

        var feed = FeedParser.Parse(Rss(items), null, null);

        Assert.Contains("12 titles cut to 500 characters", feed.Truncations);
    }

    [Fact]
    public void One_bad_date_per_item_in_a_huge_feed_does_not_flood_the_problems()
    {
        var items = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<item><title>Item {i}</title><pubDate>sometime</pubDate></item>"));

        var feed = FeedParser.Parse(Rss(items), null, null);

        Assert.Equal(FeedLimits.MaxProblems + 1, feed.Problems.Count);
        Assert.Contains("more problems like these", feed.Problems[^1]);
    }

    [Fact]
    public void Channel_title_is_cut_like_an_item_title()
    {
        var body = System.Text.Encoding.UTF8.GetBytes($"<rss><channel><title>{Repeat("Channel ", 1_000_000)}</title></channel></rss>");

        var feed = FeedParser.Parse(body, null, null);

        Assert.Equal(FeedLimits.MaxTitleChars, feed.Title!.Length);
    }
}
