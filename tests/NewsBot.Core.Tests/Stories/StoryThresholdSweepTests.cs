using NewsBot.Core.Stories;
using Xunit.Abstractions;

namespace NewsBot.Core.Tests.Stories;

/// <summary>
/// Prints precision and recall around the default thresholds, to show the defaults sit on a plateau
/// rather than a knife edge, and asserts that nearby settings still meet the targets.
/// </summary>
public sealed class StoryThresholdSweepTests(ITestOutputHelper output)
{
    [Fact]
    public void Thresholds_near_the_defaults_still_meet_the_targets()
    {
        var articles = StoryTestSet.Load();
        var defaults = new StoryMatchOptions();
        var results = new List<(double Threshold, double Low, double Precision, double Recall)>();
        foreach (var threshold in new[] { defaults.Threshold - 0.02, defaults.Threshold, defaults.Threshold + 0.02 })
            foreach (var low in new[] { defaults.ThresholdWithSharedNames - 0.02, defaults.ThresholdWithSharedNames, defaults.ThresholdWithSharedNames + 0.02 })
            {
                var matcher = new StoryMatcher(defaults with { Threshold = threshold, ThresholdWithSharedNames = low });
                var (precision, recall) = PairwiseQuality.Measure(articles, StoryGroupingQualityTests.GroupInPublicationOrder(articles, matcher));
                results.Add((threshold, low, precision, recall));
                output.WriteLine($"threshold {threshold:0.00}, with shared names {low:0.00}: precision {precision:0.000}, recall {recall:0.000}");
            }
        Assert.All(results, r => Assert.True(r.Precision >= 0.95 && r.Recall >= 0.8, $"threshold {r.Threshold:0.00}/{r.Low:0.00}: P {r.Precision:0.000} R {r.Recall:0.000}"));
    }
}
