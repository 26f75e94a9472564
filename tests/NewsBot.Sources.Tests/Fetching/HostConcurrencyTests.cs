using Microsoft.AspNetCore.Http;
using NewsBot.Sources.Fetching;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

public class HostConcurrencyTests
{
    [Fact]
    public async Task A_busy_host_queues_its_own_fetches_but_not_other_hosts()
    {
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("slow", async ctx =>
        {
            firstArrived.TrySetResult();
            await release.Task;
            await ctx.Response.WriteAsync("<rss>slow</rss>");
        });
        server.MapContent("fast", "<rss>fast</rss>");
        // Two names for the one loopback server, so they count as two hosts.
        var dns = FakeDns(("busy.test", ["127.0.0.1"]), ("other.test", ["127.0.0.1"]));
        using var fetcher = new FeedFetcher(new FetchOptions { AllowPrivateAddresses = true, MaxConcurrentPerHost = 1 }, TimeProvider.System, dns, new HashSet<System.Net.IPAddress>());
        var port = server.BaseUrl.Port;

        try
        {
            var first = fetcher.FetchAsync(new FetchRequest(new Uri($"http://busy.test:{port}/slow")), default);
            await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
            var second = fetcher.FetchAsync(new FetchRequest(new Uri($"http://busy.test:{port}/slow")), default);
            var other = await fetcher.FetchAsync(new FetchRequest(new Uri($"http://other.test:{port}/fast")), default).Bounded();

            AssertFetched(other);
            Assert.False(second.IsCompleted);
            Assert.Equal(1, server.Requests.Count(r => r.Path == "/slow"));   // the second one is still waiting on our side

            release.SetResult();
            AssertFetched(await first.Bounded());
            AssertFetched(await second.Bounded());
            Assert.Equal(2, server.Requests.Count(r => r.Path == "/slow"));
        }
        finally
        {
            release.TrySetResult(); // also on failure, so the server is not left holding a request
        }
    }
}
