using System.Diagnostics;
using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Language;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Benchmarks;

/// <summary>
/// <c>--quick</c>: index against the naive loop over every filter at 1k, 100k and 1M filters, in
/// well under a minute. Stopwatch figures on one thread; BenchmarkDotNet gives the careful ones.
/// </summary>
internal static class QuickRun
{
    public static void Run(int[] sizes)
    {
        Console.WriteLine($"Filter index vs naive loop: one thread, {ThreadCpuClock.Kind}, ~300-word articles, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine("art/s = articles per second; median/p99 = µs per article; build = wall s to add all filters (parse: 2 threads); add/remove = median µs on the full index; B = index bytes");
        Console.WriteLine($"{"filters",9} | {"index art/s",11} | {"median µs",9} | {"p99 µs",8} | {"naive art/s",11} | {"ratio",8} | {"B/filter",8} | {"B/term",6} | {"build s",7} | {"parse s",7} | {"add µs",6} | {"remove µs",9} | {"matches/art",11} | {"candidates/art",14}");
        Console.WriteLine(new string('-', 167));
        foreach (var size in sizes) Console.WriteLine(Measure(size));
    }

    private static string Measure(int size)
    {
        var workload = new FilterWorkload();
        var articles = Enumerable.Range(0, 300).Select(_ => workload.Article()).ToArray();

        var watch = Stopwatch.StartNew();
        var filters = workload.Filters(size);
        var parseSeconds = watch.Elapsed.TotalSeconds;
        var terms = filters.Sum(f => CountTerms(f.Root));

        var before = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        var index = new FilterIndex();
        ServiceLikeLoad.AddAll(index, filters); // as the service loads them at start
        var buildSeconds = watch.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        foreach (var article in articles.Take(20)) index.Match(article); // warm up
        var times = new List<double>();
        var matches = 0L;
        var candidates = articles.Sum(a => (long)index.CountCandidates(a));
        foreach (var article in articles)
        {
            var start = ThreadCpuClock.NowMicroseconds();
            matches += index.Match(article).Count;
            times.Add(ThreadCpuClock.NowMicroseconds() - start);
        }
        times.Sort();
        var indexRate = times.Count / (times.Sum() / 1e6);

        var naiveRate = NaiveRate(filters, articles, naiveArticles: size >= 1_000_000 ? 1 : size >= 100_000 ? 10 : 100);
        var (add, remove) = UpdateLatency(index, workload, size);
        GC.KeepAlive(filters);
        return $"{size,9:N0} | {indexRate,11:N0} | {times[times.Count / 2],9:N1} | {times[times.Count * 99 / 100],8:N1} | {naiveRate,11:N1} | {indexRate / naiveRate,7:N0}x | {bytes / (double)size,8:N0} | {bytes / (double)terms,6:N0} | {buildSeconds,7:N2} | {parseSeconds,7:N2} | {add,6:N1} | {remove,9:N1} | {matches / (double)times.Count,11:N1} | {candidates / (double)articles.Length,14:N1}";
    }

    /// <summary>The loop every bot without an index runs: each filter checked against the (once analyzed) article.</summary>
    private static double NaiveRate(Filter[] filters, ArticleText[] articles, int naiveArticles)
    {
        var start = ThreadCpuClock.NowMicroseconds();
        var found = 0;
        foreach (var article in articles.Take(naiveArticles))
        {
            var analysis = ArticleAnalysis.Of(article);
            foreach (var filter in filters)
                if (FilterEvaluator.Match(filter, analysis) is not null) found++;
        }
        GC.KeepAlive(found);
        return naiveArticles / ((ThreadCpuClock.NowMicroseconds() - start) / 1e6);
    }

    /// <summary>Median time to add a new filter to the full index, then to remove it again.</summary>
    private static (double Add, double Remove) UpdateLatency(FilterIndex index, FilterWorkload workload, int size)
    {
        var extra = workload.Filters(1000);
        var adds = new List<double>();
        var removes = new List<double>();
        for (var i = 0; i < extra.Length; i++)
        {
            var start = ThreadCpuClock.NowMicroseconds();
            index.Add(size + i, 1, extra[i]);
            adds.Add(ThreadCpuClock.NowMicroseconds() - start);
        }
        for (var i = 0; i < extra.Length; i++)
        {
            var start = ThreadCpuClock.NowMicroseconds();
            index.Remove(size + i);
            removes.Add(ThreadCpuClock.NowMicroseconds() - start);
        }
        adds.Sort();
        removes.Sort();
        return (adds[adds.Count / 2], removes[removes.Count / 2]);
    }

    private static int CountTerms(FilterNode node) => node switch
    {
        AndNode and => and.Children.Sum(CountTerms),
        OrNode or => or.Children.Sum(CountTerms),
        NotNode not => CountTerms(not.Child),
        _ => 1,
    };
}
