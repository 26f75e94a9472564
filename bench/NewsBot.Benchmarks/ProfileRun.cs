using System.Diagnostics;
using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Normalization;

namespace NewsBot.Benchmarks;

/// <summary>
/// <c>--profile N seconds</c>: builds an index of N filters, then only matches articles for the given
/// time, so a sampling profiler (<c>perf record</c> with DOTNET_PerfMapEnabled=1) sees matching alone.
/// </summary>
internal static class ProfileRun
{
    public static void Run(int size, double seconds)
    {
        var workload = new FilterWorkload();
        var articles = Enumerable.Range(0, 300).Select(_ => workload.Article()).ToArray();
        var filters = workload.Filters(size);
        using var index = new FilterIndex();
        ServiceLikeLoad.AddAll(index, filters); // as the service loads them at start
        GC.Collect(); // the index is long-lived: promoted before matching, as in the service after start
        Console.WriteLine($"built {size:N0}; matching for {seconds} s (pid {Environment.ProcessId})");
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var watch = Stopwatch.StartNew();
        long matched = 0, count = 0, analysisTicks = 0;
        var times = new List<double>();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var article in articles)
            {
                var start = ThreadCpuClock.NowMicroseconds();
                matched += index.Match(article).Count;
                times.Add(ThreadCpuClock.NowMicroseconds() - start);
                count++;
            }
        }
        times.Sort();
        var matchMicros = watch.Elapsed.TotalMicroseconds / count;
        Console.WriteLine($"GCs gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}, pause {(GC.GetTotalPauseDuration() - gcBefore.Item4).TotalMilliseconds:N0} ms of {watch.Elapsed.TotalMilliseconds:N0}, {(GC.GetTotalAllocatedBytes() - gcBefore.Item5) / count:N0} B allocated per article");
        analysisTicks = long.MaxValue;
        for (var round = 0; round < 20; round++) // the fastest round: analysis is the part no index can save
        {
            watch.Restart();
            foreach (var article in articles) GC.KeepAlive(ArticleAnalysis.Of(article));
            analysisTicks = Math.Min(analysisTicks, watch.ElapsedTicks);
        }
        Console.WriteLine($"{count:N0} articles, {matchMicros:N1} µs each (wall), median {times[times.Count / 2]:N1} µs, p99 {times[times.Count * 99 / 100]:N1} µs ({ThreadCpuClock.Kind}), analysis alone {analysisTicks * 1e6 / Stopwatch.Frequency / articles.Length:N1} µs, {matched / (double)count:N1} matches/article");
    }
}
