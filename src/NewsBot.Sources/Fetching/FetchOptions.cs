namespace NewsBot.Sources.Fetching;

/// <summary>
/// Limits and manners of <see cref="FeedFetcher"/>; bound from <c>NewsBot:Sources</c>.
/// Defaults suit polling a few hundred public feeds from one instance.
/// </summary>
public sealed class FetchOptions
{
    /// <summary>Whole fetch (connect, headers, body, every redirect hop) must finish within this. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest body kept, counted after decompression so a small gzip bomb is also stopped. Default 10 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// When false (default), URLs whose host resolves to loopback, private, link-local, CGNAT,
    /// multicast or unspecified addresses are refused, so a source URL (or a redirect, or a DNS
    /// answer that changes later) cannot reach services inside the operator's network.
    /// Set true only for a bot that is meant to read intranet feeds.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>
    /// With <see cref="AllowPrivateAddresses"/> false: host names that may still resolve to private
    /// addresses, asked at every connect (every redirect hop). The article-page fetcher uses it so
    /// pages and redirects named inside feed items reach an intranet host only when that host is
    /// itself a configured source's host. Null: no exceptions.
    /// </summary>
    public Func<string, bool>? PrivateAddressesAllowedFor { get; set; }

    /// <summary>At most this many requests in flight to one host; other hosts are not held up. Default 2.</summary>
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>Redirect hops followed before giving up. Default 5.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Sent on every request so site owners can tell who polls them and how to reach us.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    public static string DefaultUserAgent { get; } = BuildDefaultUserAgent();

    private static string BuildDefaultUserAgent()
    {
        var version = typeof(FetchOptions).Assembly.GetName().Version ?? new Version(0, 0, 0);
        return $"NewsBot/{version.ToString(3)} (+https://github.com/newsbot)";
    }
}
