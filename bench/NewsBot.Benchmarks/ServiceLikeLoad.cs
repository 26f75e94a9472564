using NewsBot.Core.Filters;
using NewsBot.Startup;

namespace NewsBot.Benchmarks;

/// <summary>
/// Loads filters as the service does at start: one bulk AddRange, then for 100k+ filters the host's
/// compacting collection and huge-page request (NewsBot:Filters:HugePages, on by default). The
/// figures in the README were measured this way.
/// </summary>
internal static class ServiceLikeLoad
{
    private const int HugePagesFrom = 100_000; // FilterIndexOptions.HugePagesFrom in the host

    public static void AddAll(FilterIndex index, IReadOnlyList<Filter> filters)
    {
        index.AddRange(filters.Select((f, i) => ((long)i, (long)i / 10, f)));
        if (filters.Count >= HugePagesFrom) HugePages.SettleAndRequest();
    }
}
