using NewsBot.Core.Text;
using NewsBot.Sources.Parsing;
using NewsBot.TestKit;
using Xunit.Abstractions;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>
/// Every document of <see cref="HostileFeeds.Corpus"/> through the parser and then the text stage,
/// on a small stack: it completes within a generous CPU ceiling (the largest honest-size parse takes
/// well under a second), every field is within <see cref="FeedLimits"/>, and when a cap bit the
/// truncations say so.
/// </summary>
public class HostileCorpusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Names => new(HostileFeeds.Corpus().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Hostile_document_is_read_quickly_and_within_the_caps(string name)
    {
        var body = HostileFeeds.Corpus().First(c => c.Name == name).Body();

        var (feed, cpu) = CostMeter.Run(() => ParseAndConvert(body));

        output.WriteLine($"{name}: {body.Length:N0} bytes, {cpu.TotalMilliseconds:F0} ms CPU, {feed?.Items.Count} items; {string.Join("; ", feed?.Truncations ?? [])}");
        Assert.True(cpu < Ceiling, $"{name}: {cpu.TotalSeconds:F1} s of CPU");
        if (feed is null) return; // not a feed: a FeedFormatException is an answer too
        Assert.InRange(feed.Items.Count, 0, FeedLimits.MaxItems);
        Assert.InRange(feed.Title?.Length ?? 0, 0, FeedLimits.MaxTitleChars);
        Assert.InRange(feed.Problems.Count, 0, FeedLimits.MaxProblems + 1);
        foreach (var item in feed.Items)
        {
            Assert.InRange(item.Title.Length, 0, FeedLimits.MaxTitleChars);
            Assert.InRange(item.Author?.Length ?? 0, 0, FeedLimits.MaxAuthorChars);
            Assert.InRange(item.Link?.Length ?? 0, 0, FeedLimits.MaxLinkChars);
            Assert.InRange(item.Id?.Length ?? 0, 0, FeedLimits.MaxIdChars);
            Assert.InRange(item.SummaryHtml?.Length ?? 0, 0, FeedLimits.MaxHtmlChars);
            Assert.InRange(item.ContentHtml?.Length ?? 0, 0, FeedLimits.MaxHtmlChars);
        }
        if (body.Length > 1_000_000 && !name.Contains("bait") && !name.Contains("soup"))
            Assert.NotEmpty(feed.Truncations);
    }

    [Fact]
    public void Entity_bomb_is_never_expanded()
    {
        var (feed, cpu) = CostMeter.Run(() => ParseAndConvert(HostileFeeds.BillionLaughs()));

        Assert.Equal(["&lol9;", "Still here"], feed!.Items.Select(i => i.Title));
        Assert.True(cpu < TimeSpan.FromSeconds(2), $"{cpu.TotalSeconds:F1} s");
    }

    [Fact]
    public void Tag_soup_keeps_the_item_before_it_and_says_where_the_feed_broke()
    {
        var (feed, _) = CostMeter.Run(() => ParseAndConvert(HostileFeeds.TagSoup(100_000)));

        Assert.Equal("Before soup", feed!.Items[0].Title);
        // Since recovery parsing the break is read past ("is broken at line …; read on from the next item").
        Assert.Contains(feed.Problems, p => p.Contains("breaks off at line") || p.Contains("is broken at line"));
        Assert.Equal("After soup", feed.Items[^1].Title);
    }

    /// <summary>What the article stage does with a fetched body: parse, then turn each body into text.</summary>
    private static ParsedFeed? ParseAndConvert(byte[] body)
    {
        ParsedFeed feed;
        try
        {
            feed = FeedParser.Parse(body, new Uri("https://example.com/feed"), null);
        }
        catch (FeedFormatException)
        {
            return null;
        }
        foreach (var item in feed.Items)
        {
            HtmlToText.Convert(item.SummaryHtml);
            HtmlToText.Convert(item.ContentHtml);
        }
        return feed;
    }
}
