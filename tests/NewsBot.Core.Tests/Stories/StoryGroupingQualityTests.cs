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
        // Rarity as the host weighs it: document frequencies of the articles held together.
        var index = new StoryIndex(matcher, TimeSpan.FromDays(7));
        for (var i = 0; i < articles.Count; i++) index.Add(i, signatures[i], articles[i].Published);
        // As the host decides: a story holding one event's report does not take the other's.
        bool Joins(int held, int incoming)
        {
            var alone = new StoryIndex(matcher);
            alone.Add(held, signatures[held], articles[held].Published);
            return alone.FindStories(signatures[incoming], articles[held].Published).Count > 0;
        }
        var same = new List<double>();
        var different = new List<(double Similarity, string Pair, bool Matched)>();
        for (var i = 0; i < articles.Count; i++)
            for (var j = i + 1; j < articles.Count; j++)
            {
                var s = index.Similarity(signatures[i], signatures[j]);
                if (articles[i].Story == articles[j].Story) same.Add(s);
                else different.Add((s, $"{articles[i].Story} / {articles[j].Story}", Joins(i, j) || Joins(j, i)));
            }
        same.Sort();
        output.WriteLine($"same-event pairs: min {same[0]:0.00}, 10th pct {same[same.Count / 10]:0.00}, median {same[same.Count / 2]:0.00}");
        foreach (var (s, pair, _) in different.OrderByDescending(d => d.Similarity).Take(6))
            output.WriteLine($"closest different events: {s:0.00} {pair}");

        foreach (var (s, pair, _) in different.Where(d => d.Matched)) output.WriteLine($"matched: {s:0.00} {pair}");
        Assert.Empty(different.Where(d => d.Matched).Select(d => d.Pair));
    }

    /// <summary>As the host groups: every story found joins, merged into the oldest; merges applied to earlier articles too.</summary>
    internal static long[] GroupInPublicationOrder(IReadOnlyList<LabelledArticle> articles, StoryMatcher matcher)
    {
        var index = new StoryIndex(matcher);
        var assigned = new long[articles.Count];
        var mergedInto = new Dictionary<long, long>();
        long nextStory = 1;
        for (var i = 0; i < articles.Count; i++)
        {
            var signature = matcher.Compute(articles[i].Headline, articles[i].Lead);
            var found = index.FindStories(signature, articles[i].Published);
            assigned[i] = found.Count == 0 ? nextStory++ : found.Min();
            foreach (var other in found.Where(s => s != assigned[i]))
            {
                index.Merge(assigned[i], other);
                mergedInto[other] = assigned[i];
            }
            index.Add(assigned[i], signature, articles[i].Published);
        }
        for (var i = 0; i < assigned.Length; i++)
            while (mergedInto.TryGetValue(assigned[i], out var into)) assigned[i] = into;
        return assigned;
    }
}
