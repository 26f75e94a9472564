using NewsBot.Sources.Discovery;
using NewsBot.Sources.Reading;
using NewsBot.Sources.Tests.Fetching;
using NewsBot.TestKit;

namespace NewsBot.Sources.Tests.Discovery;

/// <summary>A news site on loopback (home pages, feeds, 404s for the rest) and the discovery that reads it, guard on except for the site.</summary>
internal sealed class DiscoverySite : IAsyncDisposable
{
    private readonly Sources.Fetching.FeedFetcher _fetcher = TestFetchers.GuardedExceptServer();

    private DiscoverySite(LoopbackHttpServer server)
    {
        Server = server;
        var reader = new SourceFeedReader(_fetcher, new FeedReaderOptions(Path.GetTempPath(), TimeSpan.FromSeconds(20)), TimeProvider.System);
        Discovery = new FeedDiscovery(_fetcher, reader, TimeProvider.System);
    }

    public LoopbackHttpServer Server { get; }
    public FeedDiscovery Discovery { get; }

    public static async Task<DiscoverySite> StartAsync() => new(await LoopbackHttpServer.StartAsync());

    public Uri Url(string path) => Server.Url(path);

    /// <summary>Requests for feeds, the page itself left out.</summary>
    public IReadOnlyList<string> FeedRequests(string page = "/") => Server.Requests.Select(r => r.Path).Where(p => p != page).ToList();

    public void Page(string path, string head, string body = "<p>Today's news</p>") =>
        Server.MapContent(path, $"<!DOCTYPE html><html><head><title>Harbour Daily</title>{head}</head><body>{body}</body></html>", "text/html; charset=utf-8");

    public void Rss(string path, string title) => Server.MapContent(path,
        $"""<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><item><guid>{path}-1</guid><title>{title} item</title><link>https://example.org{path}/1</link></item></channel></rss>""");

    public Task<FeedDiscoveryResult> DiscoverAsync(string path = "/") => Discovery.DiscoverAsync(Url(path), default).WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await Server.DisposeAsync();
    }
}
