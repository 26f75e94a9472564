namespace NewsBot.Configuration;

/// <summary>NewsBot:Sources — how feeds are polled and fetched.</summary>
public sealed class SourcesOptions
{
    public const string Section = "NewsBot:Sources";

    /// <summary>Poll interval for sources that do not set their own. Default 5 minutes; at least 1 second.</summary>
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Allow source URLs that resolve to loopback, private, link-local or unspecified addresses.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Fetch timeout per request.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest feed body read, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Time a poll may spend parsing a fetched feed and storing its items (fetching has
    /// <see cref="FetchTimeout"/>). A feed that takes longer is cut off and backed off like any failing
    /// feed, its health saying "feed too large/complex". Default 20 s; between 1 s and 10 min.
    /// </summary>
    public TimeSpan PollBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Items published longer ago than this are stored as seen, not alerted: a feed that re-publishes
    /// its archive does not flood chats. Items without a date count as new. Default 7 days; between 1 hour and 3650 days.
    /// </summary>
    public TimeSpan MaxArticleAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Largest article page read (pages are fetched for thin matched items), in bytes. Default 2 MiB.</summary>
    public long MaxPageBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Time extracting an article page's text may take; a page over it gives no page text. Default 5 s.</summary>
    public TimeSpan PageBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent requests per host, so one slow site does not hold up the others.</summary>
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>
    /// Polls an instance runs at once, over all hosts. A poll is mostly waiting on a site, so this is
    /// what bounds the poll rate: about this many divided by a fetch's time per second. Default 64; at least 1.
    /// </summary>
    public int MaxConcurrentPolls { get; set; } = 64;

    /// <summary>Sources added at start when no source has their URL.</summary>
    public List<SeedSource> Seed { get; set; } = [];
}

public sealed class SeedSource
{
    public string Name { get; set; } = "";

    /// <summary>http(s) URL, or a file path (relative paths resolve against the content root).</summary>
    public string Url { get; set; } = "";

    public TimeSpan? PollInterval { get; set; }

    /// <summary>Alert on the items present at the first fetch (the demo does); normally they are only recorded as seen.</summary>
    public bool AlertOnFirstFetch { get; set; }
}
