using System.Text;
using NewsBot.Sources.Pages.Links;
using NewsBot.Sources.Parsing;
using NewsBot.TestKit;

namespace NewsBot.Sources.Tests.Pages.Links;

/// <summary>
/// Pages a stranger controls, read as page sources: countless links, absurd nesting, one link around
/// the whole page. Each gives a bounded result quickly, in time linear in the page. CPU ceilings are
/// ten times and more above the measured figure: the machine is shared.
/// </summary>
public sealed class HostileLinkPageTests
{
    private static readonly Uri PageUrl = new("https://flood.example/");

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    private static byte[] ManyLinks(int links)
    {
        var html = new StringBuilder("<html><body><main><ul class=\"list\">");
        for (var i = 0; i < links; i++) html.Append("<li class=\"row\"><h3><a href=\"/2024/06/04/story-").Append(i).Append("\">Story number ").Append(i).Append(" of the endless list</a></h3></li>");
        return Encoding.UTF8.GetBytes(html.Append("</ul></main></body></html>").ToString());
    }

    private static string FiveStories(string prefix) =>
        string.Concat(Enumerable.Range(1, 5).Select(i => $"<h3><a href=\"/2024/06/04/{prefix}-story-{i}\">{prefix} story {i} of the page</a></h3>"));

    /// <summary>Markup nested <paramref name="depth"/> deep (100,000 fit the page's 1,000,000 characters), closed again, then the page's list.</summary>
    private static byte[] DeepNesting(int depth) => Encoding.UTF8.GetBytes(
        "<html><body><main>" + Repeat("<b>", depth) + "deep text" + Repeat("</b>", depth)
        + "<div class=\"list\">" + FiveStories("Listed") + "</div></main></body></html>");

    private static (ParsedFeed Feed, double Seconds) Timed(byte[] body, string? selector = null)
    {
        var start = CpuScaling.ThreadSeconds();
        var feed = PageLinkList.Parse(body, PageUrl, null, selector);
        return (feed, CpuScaling.ThreadSeconds() - start);
    }

    [Fact]
    public void A_page_of_100_000_links_gives_the_first_500_quickly_and_says_so()
    {
        var (feed, seconds) = Timed(ManyLinks(100_000));

        Assert.True(seconds < 10, $"100,000 links took {seconds:F1} s of CPU");
        Assert.Equal(FeedLimits.MaxItems, feed.Items.Count);
        Assert.Equal("Story number 0 of the endless list", feed.Items[0].Title);
        Assert.Contains(feed.Truncations, t => t.StartsWith("kept the first 500 of", StringComparison.Ordinal));
        Assert.Contains(feed.Truncations, t => t.StartsWith("page cut to 1,000,000 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_selector_over_100_000_links_is_bounded_the_same_way()
    {
        var (feed, seconds) = Timed(ManyLinks(100_000), "h3 > a");

        Assert.True(seconds < 10, $"100,000 links took {seconds:F1} s of CPU");
        Assert.Equal(FeedLimits.MaxItems, feed.Items.Count);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void A_list_after_an_absurdly_deep_block_is_found_quickly(int depth)
    {
        var (feed, seconds) = Timed(DeepNesting(depth));

        Assert.True(seconds < 10, $"{depth} nested divs took {seconds:F1} s of CPU");
        Assert.Equal(5, feed.Items.Count);
        Assert.Equal("Listed story 1 of the page", feed.Items[0].Title);
        Assert.Contains(feed.Truncations, t => t.Contains("tags nested deeper than 100", StringComparison.Ordinal));
    }

    [Fact]
    public void Links_nested_deeper_than_the_cap_lose_their_markup_and_the_page_says_it_has_no_list()
    {
        // PageHtmlBounds keeps the text of tags past depth 100, not the tags: what was a link is words.
        var body = Encoding.UTF8.GetBytes("<html><body>" + Repeat("<div>", 10_000) + FiveStories("Buried") + "</body></html>");

        var start = CpuScaling.ThreadSeconds();
        var e = Assert.Throws<FeedFormatException>(() => PageLinkList.Parse(body, PageUrl, null, null));

        Assert.True(CpuScaling.ThreadSeconds() - start < 10);
        Assert.Equal(PageLinkList.NoListFound, e.Message);
    }

    [Fact]
    public void Detection_costs_time_linear_in_the_number_of_links()
    {
        var figures = CpuScaling.Measure(ManyLinks, 1_000, body => PageLinkList.Parse(body, PageUrl, null, null));

        Assert.True(figures.Ratio < CpuScaling.MaxLinearRatio, $"cost grows faster than the page: {figures}");
    }

    [Fact]
    public void Detection_costs_time_linear_in_the_depth_of_nesting()
    {
        var figures = CpuScaling.Measure(DeepNesting, 2_000, body => PageLinkList.Parse(body, PageUrl, null, null));

        Assert.True(figures.Ratio < CpuScaling.MaxLinearRatio, $"cost grows faster than the page: {figures}");
    }

    [Fact]
    public void Many_links_side_by_side_in_one_element_cost_linear_time()
    {
        // Siblings by the ten thousand: a walk that asked each element for its next sibling would be quadratic.
        static byte[] Flat(int links) => Encoding.UTF8.GetBytes("<html><body>"
            + string.Concat(Enumerable.Range(0, links).Select(i => $"<a class=\"x\" href=\"/2024/06/04/flat-{i}\">Flat story number {i} here</a>")) + "</body></html>");

        var figures = CpuScaling.Measure(Flat, 1_000, body => PageLinkList.Parse(body, PageUrl, null, null));

        Assert.True(figures.Ratio < CpuScaling.MaxLinearRatio, $"cost grows faster than the page: {figures}");
    }

    [Fact]
    public void One_link_around_the_whole_page_is_not_a_headline()
    {
        var body = Encoding.UTF8.GetBytes("<html><body><a href=\"/2024/06/04/everything\">" + Repeat("<p>word after word after word</p>", 20_000) + "</a></body></html>");

        var e = Assert.Throws<FeedFormatException>(() => PageLinkList.Parse(body, PageUrl, null, null));

        Assert.Equal(PageLinkList.NoListFound, e.Message);
    }

    [Fact]
    public void A_spent_budget_stops_the_reading()
    {
        using var spent = new CancellationTokenSource();
        spent.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PageLinkList.Parse(ManyLinks(10), PageUrl, null, null, spent.Token));
    }
}
