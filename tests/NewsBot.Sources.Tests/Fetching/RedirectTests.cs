using Microsoft.AspNetCore.Http;
using NewsBot.Sources.Fetching;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

public class RedirectTests
{
    private static void MapRedirect(LoopbackHttpServer server, string from, int status, string location) => server.Map(from, ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    [Theory]
    [InlineData(301, true)]
    [InlineData(308, true)]
    [InlineData(302, false)]
    [InlineData(303, false)]
    [InlineData(307, false)]
    public async Task Only_permanent_redirects_ask_for_the_stored_url_to_change(int status, bool permanent)
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapRedirect(server, "old", status, server.Url("new").ToString());
        server.MapContent("new", "<rss>new home</rss>");
        using var fetcher = Loopback();

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("old")), default).Bounded());

        Assert.Equal(permanent, fetched.MovedPermanently);
        Assert.Equal(server.Url("new"), fetched.FinalUrl);
        Assert.Equal(["/old", "/new"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Permanent_then_temporary_hop_is_not_a_permanent_move()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapRedirect(server, "a", 301, server.Url("b").ToString());
        MapRedirect(server, "b", 302, server.Url("c").ToString());
        server.MapContent("c", "<rss/>");
        using var fetcher = Loopback();

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("a")), default).Bounded());

        Assert.False(fetched.MovedPermanently);
        Assert.Equal(server.Url("c"), fetched.FinalUrl);
    }

    [Fact]
    public async Task Relative_location_is_resolved_against_the_current_url()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapRedirect(server, "feeds/old", 301, "/feeds/new?format=rss");
        server.MapContent("feeds/new", "<rss/>");
        using var fetcher = Loopback();

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feeds/old")), default).Bounded());

        Assert.Equal(server.Url("feeds/new?format=rss"), fetched.FinalUrl);
        Assert.True(fetched.MovedPermanently);
    }

    [Fact]
    public async Task Redirect_loop_stops_after_the_configured_number_of_hops()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapRedirect(server, "loop", 302, "/loop");
        using var fetcher = Loopback(new FetchOptions { MaxRedirects = 3 });

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("loop")), default).Bounded());

        Assert.StartsWith("more than 3 redirects", failed.Error);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Redirect_without_location_fails_with_a_message()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("old", ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            return Task.CompletedTask;
        });
        using var fetcher = Loopback();

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("old")), default).Bounded());

        Assert.Equal("HTTP 301 Moved Permanently without a usable Location header", failed.Error);
    }

    [Fact]
    public async Task Conditional_headers_travel_with_the_redirect()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapRedirect(server, "old", 301, "/new");
        server.Map("new", ctx =>
        {
            ctx.Response.StatusCode = ctx.Request.Headers.IfNoneMatch == "\"v7\"" ? 304 : 200;
            return Task.CompletedTask;
        });
        using var fetcher = Loopback();

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("old"), "\"v7\""), default).Bounded();

        Assert.IsType<FetchResult.NotModified>(result);
    }
}
