using NewsBot.Core.Stories;
using Xunit.Abstractions;

namespace NewsBot.Core.Tests.Stories;

/// <summary>
/// Grouping quality on the labelled set (testdata/stories/stories.tsv): 73 articles, 33 events, with
/// different events that share words (three ceasefires, two earthquakes, two rate decisions, two
/// crashes, two wildfires, two elections, two earnings reports) or names (Boeing blowout and Boeing
/// CEO, US chip curbs and China's retaliation, Gaza talks and a Gaza strike), and articles in French
/// and Arabic.
/// </summary>
public sealed class StoryGroupingQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Grouping_keeps_distinct_news_apart_and_joins_rewordings_of_one_event()
    {
        var articles = StoryTestSet.Load();
        var assigned = GroupInPublicationOrder(articles, new StoryMatcher());

        int truePairs = 0, falsePairs = 0, missedPairs = 0;
        for (var i = 0; i < articles.Count; i++)
            for (var j = i + 1; j < articles.Count; j++)
            {
                var same = articles[i].Story == articles[j].Story;
                var grouped = assigned[i] == assigned[j];
                if (same && grouped) truePairs++;
                else if (grouped) { falsePairs++; output.WriteLine($"wrongly joined: [{articles[i].Story}] {articles[i].Headline} / [{articles[j].Story}] {articles[j].Headline}"); }
                else if (same) { missedPairs++; output.WriteLine($"missed: [{articles[i].Story}] {articles[i].Headline} / {articles[j].Headline}"); }
            }
        var precision = truePairs / (double)(truePairs + falsePairs);
        var recall = truePairs / (double)(truePairs + missedPairs);
        output.WriteLine($"articles {articles.Count}, events {articles.Select(a => a.Story).Distinct().Count()}, stories found {assigned.Distinct().Count()}");
        output.WriteLine($"pairs: {truePairs} joined correctly, {falsePairs} joined wrongly, {missedPairs} missed");
        output.WriteLine($"precision {precision:0.000}, recall {recall:0.000}");

        Assert.True(precision >= 0.95, $"precision {precision:0.000} < 0.95");
        Assert.True(recall >= 0.8, $"recall {recall:0.000} < 0.8");
    }

    [Fact]
    public void Different_events_that_share_words_and_names_never_match_pairwise()
    {
        var matcher = new StoryMatcher();
        var articles = StoryTestSet.Load();
        var signatures = articles.Select(a => matcher.Compute(a.Headline, a.Lead)).ToArray();
        var same = new List<double>();
        var different = new List<(double Similarity, string Pair, bool Matched)>();
        for (var i = 0; i < articles.Count; i++)
            for (var j = i + 1; j < articles.Count; j++)
            {
                var s = StoryMatcher.Similarity(signatures[i], signatures[j]);
                if (articles[i].Story == articles[j].Story) same.Add(s);
                else different.Add((s, $"{articles[i].Story} / {articles[j].Story}", matcher.SameStory(signatures[i], signatures[j])));
            }
        same.Sort();
        output.WriteLine($"same-event pairs: min {same[0]:0.00}, 10th pct {same[same.Count / 10]:0.00}, median {same[same.Count / 2]:0.00}");
        foreach (var (s, pair, _) in different.OrderByDescending(d => d.Similarity).Take(6))
            output.WriteLine($"closest different events: {s:0.00} {pair}");

        Assert.Empty(different.Where(d => d.Matched).Select(d => d.Pair));
    }

    internal static long[] GroupInPublicationOrder(IReadOnlyList<LabelledArticle> articles, StoryMatcher matcher)
    {
        var index = new StoryIndex(matcher);
        var assigned = new long[articles.Count];
        long nextStory = 1;
        for (var i = 0; i < articles.Count; i++)
        {
            var signature = matcher.Compute(articles[i].Headline, articles[i].Lead);
            assigned[i] = index.FindStory(signature, articles[i].Published) ?? nextStory++;
            index.Add(assigned[i], signature, articles[i].Published);
        }
        return assigned;
    }
}
