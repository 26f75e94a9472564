using Microsoft.AspNetCore.Http;
using NewsBot.Sources.Fetching;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

public class ConditionalGetTests
{
    private const string LastModified = "Sat, 28 Nov 2026 10:00:00 GMT";

    /// <summary>A feed that answers 304 when the client shows the current ETag, as nginx and most CDNs do.</summary>
    private static void MapETagFeed(LoopbackHttpServer server) => server.Map("feed", ctx =>
    {
        ctx.Response.Headers.ETag = "\"v1\"";
        ctx.Response.Headers.LastModified = LastModified;
        if (ctx.Request.Headers.IfNoneMatch == "\"v1\"")
        {
            ctx.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        ctx.Response.ContentType = "application/rss+xml";
        return ctx.Response.WriteAsync("<rss>v1</rss>");
    });

    [Fact]
    public async Task Second_fetch_with_the_etag_gets_not_modified()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapETagFeed(server);
        using var fetcher = Loopback();

        var first = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("feed"), first.ETag, first.LastModified), default).Bounded();

        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(LastModified, first.LastModified);
        var notModified = Assert.IsType<FetchResult.NotModified>(second);
        Assert.Equal("\"v1\"", notModified.ETag);
        var conditional = server.Requests.Last();
        Assert.Equal("\"v1\"", conditional.Headers["If-None-Match"]);
        Assert.Equal(LastModified, conditional.Headers["If-Modified-Since"]);
        Assert.False(server.Requests.First().Headers.ContainsKey("If-None-Match"));
    }

    [Fact]
    public async Task Last_modified_alone_also_gets_not_modified()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("feed", ctx =>
        {
            ctx.Response.Headers.LastModified = LastModified;
            if (ctx.Request.Headers.IfModifiedSince == LastModified)
            {
                ctx.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
            return ctx.Response.WriteAsync("<rss/>");
        });
        using var fetcher = Loopback();

        var first = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("feed"), first.ETag, first.LastModified), default).Bounded();

        Assert.Null(first.ETag);
        var notModified = Assert.IsType<FetchResult.NotModified>(second);
        Assert.Equal(LastModified, notModified.LastModified);
    }

    [Fact]
    public async Task Not_modified_without_validators_keeps_the_ones_sent()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("feed", ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        });
        using var fetcher = Loopback();

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("feed"), "\"abc\"", LastModified), default).Bounded();

        Assert.Equal(new FetchResult.NotModified("\"abc\"", LastModified, null), result);
    }

    [Fact]
    public async Task Cache_control_max_age_becomes_the_minimum_time_to_the_next_poll()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("feed", ctx =>
        {
            ctx.Response.Headers.CacheControl = "public, max-age=900";
            ctx.Response.Headers.ETag = "\"v1\"";
            if (ctx.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                ctx.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
            return ctx.Response.WriteAsync("<rss/>");
        });
        using var fetcher = Loopback();

        var first = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());
        var second = Assert.IsType<FetchResult.NotModified>(await fetcher.FetchAsync(new FetchRequest(server.Url("feed"), first.ETag), default).Bounded());

        Assert.Equal(TimeSpan.FromSeconds(900), first.MinNextPoll);
        Assert.Equal(TimeSpan.FromSeconds(900), second.MinNextPoll);
    }

    [Fact]
    public async Task No_cache_gives_no_floor()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("feed", ctx =>
        {
            ctx.Response.Headers.CacheControl = "no-cache, max-age=900";
            return ctx.Response.WriteAsync("<rss/>");
        });
        using var fetcher = Loopback();

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());

        Assert.Null(fetched.MinNextPoll);
    }
}
