using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Sources.Fetching;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

/// <summary>
/// A server that answers at once but then trickles its body a few bytes at a time would hold a poll
/// forever if the request timeout covered only the headers. The timeout covers the whole body.
/// </summary>
public class SlowBodyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Body_trickling_after_prompt_headers_times_out_after_the_configured_limit()
    {
        var time = new FakeTimeProvider(Now);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("trickle", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.WriteAsync("<rss><channel><title>Slow</title>", ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            try
            {
                // One byte every 50 ms of real time, until the client gives up. The clock moves only
                // after ten of them, when the client is surely past the headers and reading the body.
                for (var sent = 0; !ctx.RequestAborted.IsCancellationRequested; sent++)
                {
                    if (sent == 10) started.TrySetResult();
                    await ctx.Response.Body.WriteAsync(Encoding.ASCII.GetBytes(" "), ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    await Task.Delay(50, ctx.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // the client hung up: what this test wants
            }
        });
        using var fetcher = Loopback(new FetchOptions { Timeout = TimeSpan.FromSeconds(5) }, time);

        var fetch = fetcher.FetchAsync(new FetchRequest(server.Url("trickle")), default);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(new FetchResult.Failed("timed out after 5 s", null), await fetch.Bounded());
    }
}
