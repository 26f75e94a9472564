using System.Text;
using NewsBot.Sources.Parsing;
using NewsBot.TestKit;
using Xunit.Abstractions;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>
/// Resuming after a structural error reads on from the error, never re-reads what came before: n
/// broken items cost about n times one, not n times the document (CPU time, best of three, with the
/// generous bounds of <see cref="LinearCostTests"/>).
/// </summary>
public class RecoveryCostTests(ITestOutputHelper output)
{
    [Fact]
    public void Cost_of_broken_items_grows_linearly_with_their_number()
    {
        var (small, large) = (Feed(250), Feed(2_000));

        var costN = CostMeter.BestOf(3, () => FeedParser.Parse(small, null, null));
        var cost8N = CostMeter.BestOf(3, () => FeedParser.Parse(large, null, null));

        var ratio = cost8N.TotalMilliseconds / Math.Max(costN.TotalMilliseconds, 0.5);
        output.WriteLine($"250 broken items {costN.TotalMilliseconds:F1} ms, 2,000 broken items {cost8N.TotalMilliseconds:F1} ms, ratio {ratio:F1}");
        Assert.True(cost8N < TimeSpan.FromSeconds(5), $"{cost8N.TotalSeconds:F1} s of CPU for 2,000 broken items");
        Assert.True(cost8N < TimeSpan.FromMilliseconds(60) || ratio < 24, $"cost grew {ratio:F1}× for 8× the broken items");
    }

    [Fact]
    public void Broken_item_costs_a_small_multiple_of_a_whole_one()
    {
        var broken = Feed(2_000);
        var intact = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(broken).Replace("x</p>", "x", StringComparison.Ordinal));

        var brokenCost = CostMeter.BestOf(3, () => FeedParser.Parse(broken, null, null));
        var intactCost = CostMeter.BestOf(3, () => FeedParser.Parse(intact, null, null));

        var ratio = brokenCost.TotalMilliseconds / Math.Max(intactCost.TotalMilliseconds, 0.5);
        output.WriteLine($"4,000 items, 2,000 of them broken: {brokenCost.TotalMilliseconds:F1} ms; the same items whole: {intactCost.TotalMilliseconds:F1} ms; ratio {ratio:F1}");
        Assert.True(brokenCost < TimeSpan.FromMilliseconds(60) || ratio < 10, $"broken items cost {ratio:F1}× whole ones");
    }

    [Fact]
    public void Two_thousand_broken_items_are_all_read_past()
    {
        var feed = FeedParser.Parse(Feed(2_000), null, null);

        Assert.Equal(FeedLimits.MaxItems, feed.Items.Count); // 2,000 whole items read, the newest 500 kept
        Assert.Equal(1_999, feed.RecoveredItems);
        Assert.Equal(FeedLimits.MaxProblems + 1, feed.Problems.Count);
    }

    [Fact]
    public void Document_made_of_errors_stops_at_the_recovery_cap()
    {
        var feed = FeedParser.Parse(Feed(FeedLimits.MaxRecoveries + 100), null, null);

        Assert.Equal(FeedLimits.MaxRecoveries, feed.RecoveredItems);
        Assert.Contains(feed.Truncations, t => t.Contains("structural errors"));
    }

    /// <summary>Whole and broken items alternating, each broken one with a stray end tag; the root declares a few namespaces to be carried on.</summary>
    private static byte[] Feed(int brokenItems)
    {
        var xml = new StringBuilder("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Costs</title>\n");
        for (var n = 0; n < brokenItems; n++)
        {
            xml.Append("<item><title>Whole ").Append(n).Append("</title><link>https://cost.example.com/").Append(n).Append("</link><dc:creator>A</dc:creator></item>\n");
            xml.Append("<item><title>Broken ").Append(n).Append("</title><description>x</p></description></item>\n");
        }
        return Encoding.UTF8.GetBytes(xml.Append("</channel></rss>").ToString());
    }
}
