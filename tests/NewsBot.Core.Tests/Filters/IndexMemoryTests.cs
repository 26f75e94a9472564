using System.Globalization;
using NewsBot.Core.Filters;

namespace NewsBot.Core.Tests.Filters;

/// <summary>How a large index sits in memory: on Linux, on huge pages (fewer TLB misses per match).</summary>
public class IndexMemoryTests
{
    [Fact]
    public void A_large_bulk_load_on_linux_puts_the_index_on_huge_pages_where_the_kernel_allows_them()
    {
        const string Settings = "/sys/kernel/mm/transparent_hugepage/enabled";
        // Elsewhere (or with huge pages switched off) the index runs on ordinary pages; nothing to see.
        if (!OperatingSystem.IsLinux() || !File.Exists(Settings) || File.ReadAllText(Settings).Contains("[never]")) return;
        var filters = Enumerable.Range(0, 100_000)
            .Select(i => ((long)i, (long)i / 10, FilterAssert.Parsed($"kw{i} (gaza OR \"talks {i % 997}\") -football")))
            .ToArray();
        var before = AnonHugePagesKb();

        using var index = new FilterIndex();
        index.AddRange(filters);

        Assert.True(AnonHugePagesKb() > before, $"huge pages {before} kB before the load, {AnonHugePagesKb()} kB after");
        var article = new ArticleText("Gaza talks 5 resume", "kw5 and kw77 in the news.", "Wire", "wire.example");
        Assert.Equal([5L, 77L], index.Match(article).Select(m => m.FilterId).Order());
    }

    private static long AnonHugePagesKb()
    {
        var line = File.ReadLines("/proc/self/smaps_rollup").Single(l => l.StartsWith("AnonHugePages:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
