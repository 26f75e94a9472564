using Microsoft.AspNetCore.Http;
using NewsBot.Sources.Fetching;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

/// <summary>What WebSub needs of the fetcher: a feed's Link headers, and a hub request under the same guard.</summary>
public class HubRequestFetchTests
{
    [Fact]
    public async Task A_fetched_feed_carries_its_Link_headers()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("feed", ctx =>
        {
            ctx.Response.Headers.Append("Link", "<https://hub.example.com/>; rel=\"hub\"");
            ctx.Response.Headers.Append("Link", "<https://news.example.org/feed>; rel=\"self\"");
            return ctx.Response.WriteAsync("<rss/>");
        });
        using var fetcher = Loopback();

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());

        Assert.Contains("<https://hub.example.com/>; rel=\"hub\"", string.Join(", ", fetched.Links), StringComparison.Ordinal);
        Assert.Contains("<https://news.example.org/feed>; rel=\"self\"", string.Join(", ", fetched.Links), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_request_is_a_form_post_and_a_refusal_names_the_status()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        string? form = null;
        server.Map("hub", async ctx =>
        {
            form = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            ctx.Response.StatusCode = form.Contains("hub.mode=subscribe", StringComparison.Ordinal) ? 202 : 400;
        });
        using var fetcher = Loopback();

        var accepted = await fetcher.PostFormAsync(server.Url("hub"), [new("hub.mode", "subscribe"), new("hub.topic", "https://news.example.org/feed")], default);
        Assert.IsType<FetchResult.Fetched>(accepted);
        Assert.Equal("hub.mode=subscribe&hub.topic=https%3A%2F%2Fnews.example.org%2Ffeed", form);

        var refused = AssertFailed(await fetcher.PostFormAsync(server.Url("hub"), [new("hub.mode", "bogus")], default));
        Assert.Equal("HTTP 400 Bad Request", refused.Error);
    }

    [Fact]
    public async Task A_hub_on_a_private_address_is_refused_by_the_guard_without_a_connection()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        using var fetcher = new FeedFetcher(new FetchOptions(), TimeProvider.System);

        var failed = AssertFailed(await fetcher.PostFormAsync(server.Url("hub"), [new("hub.mode", "subscribe")], default));

        Assert.StartsWith("address 127.0.0.1 is not allowed (loopback)", failed.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
