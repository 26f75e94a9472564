using CsCheck;
using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Core.Tests.Filters;

/// <summary>The index must return exactly what checking every filter with the reference evaluator returns.</summary>
public class IndexAgreesWithEvaluatorTests
{
    [Fact]
    public void Index_returns_exactly_the_filters_the_reference_evaluator_matches()
    {
        var cases = Gen.Select(RandomFilters.FilterText.List[1, 20], RandomFilters.Article.List[1, 5], Gen.Int[0, 3]);
        cases.Sample((texts, articles, removeEvery) =>
        {
            var filters = texts.Select(t => FilterParser.Parse(t)).OfType<FilterParseResult.Success>().Select(s => s.Filter).ToList();
            using var index = new FilterIndex();
            for (var id = 0; id < filters.Count; id++) index.Add(id, id % 3, filters[id]);
            // Exercise removal and re-adding too: the kept filters are the ones the reference checks.
            var kept = Enumerable.Range(0, filters.Count).Where(id => removeEvery == 0 || id % (removeEvery + 1) != 0).ToList();
            foreach (var id in Enumerable.Range(0, filters.Count).Except(kept)) index.Remove(id);
            if (kept.Count > 0) index.Add(kept[0], kept[0] % 3, filters[kept[0]]);
            Assert.Equal(kept.Count, index.Count);

            foreach (var article in articles)
            {
                var analysis = ArticleAnalysis.Of(article);
                var expected = FilterAssert.ByReference(kept.Select(id => ((long)id, (long)(id % 3), filters[id])), analysis);
                var actual = FilterAssert.ById(index.Match(article));
                Assert.Equal(expected, actual);
            }
        }, iter: 2000, threads: 1);
    }

    /// <summary>
    /// Thousands of filters, many typed identically by several chats, then most removed and some
    /// re-added in random order: shared entries, postings and the term tables' slot reuse and
    /// deletion must leave the index answering exactly like the evaluator on what is left.
    /// </summary>
    [Fact]
    public void Index_agrees_with_the_reference_after_heavy_churn_of_shared_filters()
    {
        var cases = Gen.Select(RandomFilters.FilterText.Array[300, 600], RandomFilters.Article.Array[8], Gen.Int.Array[3000]);
        cases.Sample((texts, articles, moves) =>
        {
            var filters = texts.Select(t => FilterParser.Parse(t)).OfType<FilterParseResult.Success>().Select(s => s.Filter).ToArray();
            using var index = new FilterIndex();
            var live = new Dictionary<long, Filter>();
            // Ids far outnumber texts: each text ends up held by several ids (chats), added and removed many times.
            foreach (var move in moves)
            {
                var id = (move & 0x7fffffff) % (filters.Length * 4);
                if ((move & 1) == 0 || !live.ContainsKey(id))
                {
                    live[id] = filters[id % filters.Length];
                    index.Add(id, id % 7, live[id]);
                }
                else
                {
                    live.Remove(id);
                    index.Remove(id);
                }
            }
            Assert.Equal(live.Count, index.Count);
            foreach (var article in articles)
            {
                var analysis = ArticleAnalysis.Of(article);
                var expected = FilterAssert.ByReference(live.Select(f => (f.Key, f.Key % 7, f.Value)), analysis);
                var actual = FilterAssert.ById(index.Match(article));
                Assert.Equal(expected, actual);
            }
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Bulk_loading_matches_exactly_like_adding_one_by_one()
    {
        var cases = Gen.Select(RandomFilters.FilterText.Array[1, 200], RandomFilters.Article.Array[5], Gen.Int[1, 50]);
        cases.Sample((texts, articles, idRange) =>
        {
            var filters = texts.Select(t => FilterParser.Parse(t)).OfType<FilterParseResult.Success>()
                .Select((s, i) => ((long)(i % idRange), (long)(i % 7), s.Filter)).ToArray(); // repeated ids: the later one wins
            using var oneByOne = new FilterIndex();
            foreach (var (id, chat, filter) in filters) oneByOne.Add(id, chat, filter);
            using var bulk = new FilterIndex();
            bulk.AddRange(filters);
            Assert.Equal(oneByOne.Count, bulk.Count);
            foreach (var article in articles)
                Assert.Equal(
                    FilterAssert.ById(oneByOne.Match(article)),
                    FilterAssert.ById(bulk.Match(article)));
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Random_filters_match_often_enough_for_the_comparison_to_mean_something()
    {
        var matched = 0;
        var total = 0;
        Gen.Select(RandomFilters.FilterText, RandomFilters.Article).Sample((text, article) =>
        {
            if (FilterParser.Parse(text) is not FilterParseResult.Success success) return;
            total++;
            if (FilterEvaluator.Match(success.Filter, article) is not null) Interlocked.Increment(ref matched);
        }, iter: 2000, threads: 1);
        Assert.InRange(matched, total / 20, total - total / 20);
    }
}
