using NewsBot.Sources.Parsing;
using NewsBot.Sources.Parsing.Dates;
using NewsBot.TestKit;
using Xunit.Abstractions;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>
/// Quadratic bait for every pattern and scanning loop of the parser, at sizes n and 8n: a linear
/// cost grows ~8×, a quadratic one ~64×. Costs are the parsing thread's CPU time (best of three,
/// the least disturbed by the shared machine), with generous bounds: the failure guarded against
/// is minutes, not milliseconds. The old author pattern took 24 s at 100 KB.
/// </summary>
public class LinearCostTests(ITestOutputHelper output)
{
    private const int N = 40_000;

    /// <summary>Linear ≈ 8, quadratic ≈ 64; noise and the fixed cost of small inputs stay well below this.</summary>
    private const double MaxRatio = 24;

    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(5);

    /// <summary>Below this the ratio is noise: a whole 8n parse under it is fine whatever n cost.</summary>
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(60);

    public static TheoryData<string> Baits => new(HostileFeeds.QuadraticBait.Keys);

    [Theory]
    [MemberData(nameof(Baits))]
    public void Parse_cost_grows_linearly_with_the_bait(string bait)
    {
        var make = HostileFeeds.QuadraticBait[bait];
        var (small, large) = (make(N), make(8 * N));

        var costN = CostMeter.BestOf(3, () => Parse(small));
        var cost8N = CostMeter.BestOf(3, () => Parse(large));

        var ratio = cost8N.TotalMilliseconds / Math.Max(costN.TotalMilliseconds, 0.5);
        output.WriteLine($"{bait}: n={N:N0} {costN.TotalMilliseconds:F1} ms, 8n {cost8N.TotalMilliseconds:F1} ms, ratio {ratio:F1}");
        Assert.True(cost8N < Ceiling, $"{bait}: {cost8N.TotalSeconds:F1} s of CPU at 8n");
        Assert.True(cost8N < Floor || ratio < MaxRatio, $"{bait}: cost grew {ratio:F1}× for 8× the input ({costN.TotalMilliseconds:F1} → {cost8N.TotalMilliseconds:F1} ms)");
    }

    [Fact]
    public void Hundred_kilobyte_author_of_at_signs_costs_well_under_a_second()
    {
        var body = HostileFeeds.QuadraticBait["author a@@@"](100_000);

        var cost = CostMeter.BestOf(1, () => Parse(body));

        Assert.True(cost < TimeSpan.FromSeconds(2), $"took {cost.TotalSeconds:F1} s of CPU (24 s before the fix)");
    }

    [Theory]
    [InlineData("Thu, 25 Jan 2024 10:00:00 +0000 (Coordinated Universal Time)")]
    [InlineData("2024-01-25T10:00:00.1234567+05:30")]
    public void Long_honest_dates_are_still_read(string date) => Assert.NotNull(FeedDate.Parse(date));

    [Fact]
    public void Date_longer_than_any_honest_one_is_not_read()
    {
        var bait = new string('(', 1_000_000);

        var cost = CostMeter.BestOf(1, () => Assert.Null(FeedDate.Parse(bait)));

        Assert.True(cost < TimeSpan.FromSeconds(1), $"took {cost.TotalSeconds:F1} s");
    }

    [Fact]
    public void Author_pattern_still_prefers_the_name()
    {
        var feed = FeedParser.Parse(HostileFeeds.Rss("<item><title>t</title><author>jane@example.com (Jane Doe)</author></item>"), null, null);

        Assert.Equal("Jane Doe", Assert.Single(feed.Items).Author);
    }

    private static void Parse(byte[] body)
    {
        try
        {
            FeedParser.Parse(body, null, null);
        }
        catch (FeedFormatException)
        {
            // Some baits are not feeds at all; what is measured is the cost of finding out.
        }
    }
}
