namespace NewsBot.Pipeline.Match;

/// <summary>NewsBot:Filters: how the host places the filter index in memory.</summary>
public sealed class FilterIndexOptions
{
    public const string Section = "NewsBot:Filters";

    /// <summary>
    /// After loading at least <see cref="HugePagesFrom"/> filters at start, compact the heap and ask
    /// Linux for huge pages under it (see <see cref="Startup.HugePages"/>). Default true; switch off
    /// where a forced full collection at start or madvise over the process is unwelcome.
    /// </summary>
    public bool HugePages { get; set; } = true;

    /// <summary>Below this many filters the index fits the TLB's reach anyway.</summary>
    public const int HugePagesFrom = 100_000;
}
