using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit.WebSub;

namespace NewsBot.IntegrationTests.Push;

/// <summary>
/// A news site whose feed names a fake WebSub hub in its Link headers, and the hub. The host's
/// callback base is a placeholder address: the hub routes callbacks to the host it is told to, as a
/// load balancer in front of the instances would. Verifications wait until <see cref="Route"/> is called.
/// </summary>
public sealed class PushedNewsSite : IAsyncDisposable
{
    /// <summary>The public callback base every instance is configured with; nothing listens there.</summary>
    public const string CallbackBase = "http://127.0.0.1:9/";

    private readonly TaskCompletionSource _routed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PushedNewsSite(NewsSite site, FakeWebSubHub hub)
    {
        Site = site;
        Hub = hub;
    }

    public NewsSite Site { get; }

    public FakeWebSubHub Hub { get; }

    /// <summary>The feed's own address, which it names as rel="self": the WebSub topic.</summary>
    public string Topic => Site.FeedUrl.AbsoluteUri;

    public static async Task<PushedNewsSite> StartAsync(TimeProvider? hubClock = null)
    {
        var site = await NewsSite.StartAsync();
        var hub = await FakeWebSubHub.StartAsync(hubClock);
        var pushed = new PushedNewsSite(site, hub);
        hub.VerificationGate = pushed._routed.Task;
        site.Server.Map(NewsSite.FeedPath, ctx =>
        {
            ctx.Response.Headers.Append("Link", $"<{hub.Url}>; rel=\"hub\", <{pushed.Topic}>; rel=\"self\"");
            ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
            return ctx.Response.WriteAsync(site.Feed.Build());
        });
        return pushed;
    }

    /// <summary>Callbacks go to <paramref name="hosts"/> in turn (one host: always it); verifications held until now go out.</summary>
    public void Route(params TestHost[] hosts)
    {
        var next = -1;
        Hub.RouteCallback = callback =>
        {
            var target = hosts[(int)((uint)Interlocked.Increment(ref next) % hosts.Length)].BaseAddress;
            return new UriBuilder(callback) { Host = target.Host, Port = target.Port }.Uri;
        };
        _routed.TrySetResult();
    }

    /// <summary>A source on this feed polled every 5 minutes, a console chat watching "ceasefire", push on.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = Site.SeedSource(pollInterval: "00:05:00");
        settings["NewsBot:Console:Filters:0"] = "ceasefire";
        settings["NewsBot:WebSub:CallbackBaseUrl"] = CallbackBase;
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    /// <summary>Adds an item to the feed and publishes the feed at the hub (a fat ping); the subscribers' answers.</summary>
    public Task<IReadOnlyList<int>> PublishAsync(string itemId, string title, HubSignatureMethod method = HubSignatureMethod.Sha256, bool wrongSignature = false)
    {
        Site.Feed.Add(itemId, title, "<p>Reported now.</p>", DateTimeOffset.UtcNow);
        return Hub.PublishAsync(Topic, Site.Feed.Build(), method: method, wrongSignature: wrongSignature);
    }

    /// <summary>Publishes a feed of one item that the site itself does not carry (a forgery, when signed wrongly).</summary>
    public Task<IReadOnlyList<int>> PublishOnlyAsync(string itemId, string title, HubSignatureMethod method = HubSignatureMethod.Sha256, bool wrongSignature = false)
    {
        var feed = new FeedBuilder().Add(itemId, title, "<p>Reported now.</p>", DateTimeOffset.UtcNow);
        return Hub.PublishAsync(Topic, feed.Build(), method: method, wrongSignature: wrongSignature);
    }

    public async ValueTask DisposeAsync()
    {
        _routed.TrySetResult();
        await Hub.DisposeAsync();
        await Site.DisposeAsync();
    }
}
