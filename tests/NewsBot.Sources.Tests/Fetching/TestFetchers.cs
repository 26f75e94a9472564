using System.Net;
using NewsBot.Sources.Fetching;

namespace NewsBot.Sources.Tests.Fetching;

internal static class TestFetchers
{
    /// <summary>A fetcher allowed to reach the loopback test server (the guard is off, as an intranet operator would set it).</summary>
    public static FeedFetcher Loopback(FetchOptions? options = null, TimeProvider? time = null)
    {
        options ??= new FetchOptions();
        options.AllowPrivateAddresses = true;
        return new FeedFetcher(options, time ?? TimeProvider.System);
    }

    /// <summary>
    /// A fetcher with the guard ON for every address except exactly 127.0.0.1, where the test server
    /// listens. 127.0.0.2 (also loopback, also routed to this machine) stays refused, so a redirect
    /// or DNS answer pointing there shows the guard at work on later hops.
    /// </summary>
    public static FeedFetcher GuardedExceptServer(HostResolver? resolve = null, FetchOptions? options = null) =>
        new(options ?? new FetchOptions(), TimeProvider.System, resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct)),
            new HashSet<IPAddress> { IPAddress.Loopback });

    /// <summary>A DNS that knows only the given names; anything else is "not found".</summary>
    public static HostResolver FakeDns(params (string Host, string[] Addresses)[] records) => (host, _) =>
    {
        var match = records.FirstOrDefault(r => string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(match.Addresses is null ? [] : match.Addresses.Select(IPAddress.Parse).ToArray());
    };

    /// <summary>Bounds a fetch in real time so a broken test fails instead of hanging; never a sleep.</summary>
    public static Task<FetchResult> Bounded(this Task<FetchResult> fetch) => fetch.WaitAsync(TimeSpan.FromSeconds(20));

    public static FetchResult.Fetched AssertFetched(FetchResult result) =>
        result as FetchResult.Fetched ?? throw new Xunit.Sdk.XunitException($"expected Fetched, got {result}");

    public static FetchResult.Failed AssertFailed(FetchResult result) =>
        result as FetchResult.Failed ?? throw new Xunit.Sdk.XunitException($"expected Failed, got {result}");
}
