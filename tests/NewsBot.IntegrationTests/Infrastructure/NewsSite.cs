using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>
/// A news site on loopback serving RSS feeds built from <see cref="FeedBuilder"/>s, rebuilt on every
/// request: a test publishes an article by adding it to a feed. <see cref="Feed"/> is served at "feed.xml".
/// </summary>
public sealed class NewsSite : IAsyncDisposable
{
    public const string FeedPath = "feed.xml";

    private NewsSite(LoopbackHttpServer server) => Server = server;

    /// <summary>The server itself, for pages and failing paths a test adds.</summary>
    public LoopbackHttpServer Server { get; }

    public FeedBuilder Feed { get; } = new();

    public Uri FeedUrl => Server.Url(FeedPath);

    public static async Task<NewsSite> StartAsync()
    {
        var site = new NewsSite(await LoopbackHttpServer.StartAsync());
        site.Serve(FeedPath, site.Feed);
        return site;
    }

    /// <summary>Serves <paramref name="feed"/> at <paramref name="path"/> as it is at each request.</summary>
    public FeedBuilder Serve(string path, FeedBuilder feed)
    {
        Server.Map(path, ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
            return ctx.Response.WriteAsync(feed.Build());
        });
        return feed;
    }

    public Uri Url(string path) => Server.Url(path);

    /// <summary>How many times <paramref name="path"/> has been requested.</summary>
    public int Polls(string path = FeedPath) => Server.Requests.Count(r => r.Path == "/" + path.TrimStart('/'));

    /// <summary>Waits until <paramref name="path"/> has been requested <paramref name="more"/> more times.</summary>
    public Task WaitForPollsAsync(int more, TimeSpan timeout, string path = FeedPath)
    {
        var target = Polls(path) + more;
        return Eventually.TrueAsync(() => Polls(path) >= target, timeout, $"{path} is polled {more} more time(s)");
    }

    /// <summary>The configuration that seeds a source reading <paramref name="path"/> of this site.</summary>
    public Dictionary<string, string?> SeedSource(int index = 0, string name = "Loopback News", string path = FeedPath, string pollInterval = "00:00:01") => new()
    {
        [$"NewsBot:Sources:Seed:{index}:Name"] = name,
        [$"NewsBot:Sources:Seed:{index}:Url"] = Url(path).ToString(),
        [$"NewsBot:Sources:Seed:{index}:PollInterval"] = pollInterval,
    };

    /// <summary>The seed source plus a console chat watching "ceasefire" (the demo's set-up), with extra settings on top.</summary>
    public Dictionary<string, string?> ConsoleCeasefireSettings(params (string Key, string Value)[] extra)
    {
        var settings = SeedSource();
        settings["NewsBot:Console:Filters:0"] = "ceasefire";
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
