using BenchmarkDotNet.Attributes;
using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Benchmarks;

/// <summary>Careful numbers for one article: the index against the naive loop over all filters.</summary>
[MemoryDiagnoser]
public class FilterMatchBenchmarks : IDisposable
{
    private Filter[] _filters = [];
    private FilterIndex _index = new();
    private ArticleText[] _articles = [];
    private int _next;

    [Params(1_000, 100_000)]
    public int Filters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = new FilterWorkload();
        _articles = Enumerable.Range(0, 64).Select(_ => workload.Article()).ToArray();
        _filters = workload.Filters(Filters);
        _index.Dispose();
        _index = new FilterIndex();
        ServiceLikeLoad.AddAll(_index, _filters); // as the service loads them at start
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _index.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int Index() => _index.Match(_articles[_next++ & 63]).Count;

    [Benchmark(Baseline = true)]
    public int NaiveLoop()
    {
        var analysis = ArticleAnalysis.Of(_articles[_next++ & 63]);
        var found = 0;
        foreach (var filter in _filters)
            if (FilterEvaluator.Match(filter, analysis) is not null) found++;
        return found;
    }
}
