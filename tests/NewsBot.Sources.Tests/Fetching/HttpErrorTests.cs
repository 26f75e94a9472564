using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Sources.Fetching;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

public class HttpErrorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    private static void MapStatus(LoopbackHttpServer server, string path, int status, string? retryAfter = null) => server.Map(path, ctx =>
    {
        ctx.Response.StatusCode = status;
        if (retryAfter is not null) ctx.Response.Headers.RetryAfter = retryAfter;
        return ctx.Response.WriteAsync("<html>error page</html>");
    });

    [Fact]
    public async Task Server_error_fails_and_each_further_failure_waits_longer()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapStatus(server, "feed", 500);
        using var fetcher = Loopback();
        var interval = TimeSpan.FromMinutes(10);

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());
        var waits = Enumerable.Range(1, 6)
            .Select(failures => PollSchedule.NextPoll(Now, interval, failures, null, failed.RetryAfter, null) - Now)
            .ToList();

        Assert.Equal(new FetchResult.Failed("HTTP 500 Internal Server Error", null), failed);
        Assert.Equal([20, 40, 80, 160, 320, 360], waits.Select(w => w.TotalMinutes));
    }

    [Fact]
    public async Task Service_unavailable_carries_retry_after_seconds()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        MapStatus(server, "feed", 503, "120");
        using var fetcher = Loopback();

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded();

        Assert.Equal(new FetchResult.Failed("HTTP 503 Service Unavailable", TimeSpan.FromSeconds(120)), result);
    }

    [Fact]
    public async Task Too_many_requests_with_an_http_date_delays_the_next_poll_until_that_date()
    {
        var time = new FakeTimeProvider(Now);
        await using var server = await LoopbackHttpServer.StartAsync();
        MapStatus(server, "feed", 429, Now.AddHours(2).ToString("R"));
        using var fetcher = Loopback(time: time);

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());
        var next = PollSchedule.NextPoll(time.GetUtcNow(), TimeSpan.FromMinutes(5), 1, null, failed.RetryAfter, null);

        Assert.Equal("HTTP 429 Too Many Requests", failed.Error);
        Assert.Equal(TimeSpan.FromHours(2), failed.RetryAfter);
        Assert.Equal(Now.AddHours(2), next);
    }

    [Fact]
    public async Task Retry_after_date_in_the_past_means_no_wait()
    {
        var time = new FakeTimeProvider(Now);
        await using var server = await LoopbackHttpServer.StartAsync();
        MapStatus(server, "feed", 429, Now.AddHours(-1).ToString("R"));
        using var fetcher = Loopback(time: time);

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());

        Assert.Equal(TimeSpan.Zero, failed.RetryAfter);
    }

    [Fact]
    public async Task Not_found_names_the_status()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        using var fetcher = Loopback();

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("missing")), default).Bounded();

        Assert.Equal(new FetchResult.Failed("HTTP 404 Not Found", null), result);
    }

    [Fact]
    public async Task Closed_port_fails_naming_the_address()
    {
        var server = await LoopbackHttpServer.StartAsync();
        var url = server.Url("feed");
        await server.DisposeAsync();
        using var fetcher = Loopback();

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(url), default).Bounded());

        Assert.StartsWith($"cannot connect to {url.Authority}: ", failed.Error);
    }

    [Fact]
    public async Task Slow_server_times_out_after_the_configured_limit()
    {
        var time = new FakeTimeProvider(Now);
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("slow", async ctx =>
        {
            received.SetResult();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var fetcher = Loopback(time: time);

        var fetch = fetcher.FetchAsync(new FetchRequest(server.Url("slow")), default);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(new FetchResult.Failed("timed out after 30 s", null), await fetch.Bounded());
    }

    [Fact]
    public async Task Server_answering_just_inside_the_limit_does_not_time_out()
    {
        var time = new FakeTimeProvider(Now);
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("slow", async ctx =>
        {
            received.SetResult();
            await answer.Task;
            await ctx.Response.WriteAsync("<rss/>");
        });
        using var fetcher = Loopback(time: time);

        var fetch = fetcher.FetchAsync(new FetchRequest(server.Url("slow")), default);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(29));
        answer.SetResult();

        AssertFetched(await fetch.Bounded());
    }

    [Fact]
    public async Task Callers_own_cancellation_is_not_reported_as_a_timeout()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("slow", async ctx =>
        {
            received.SetResult();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var fetcher = Loopback();
        using var shutdown = new CancellationTokenSource();

        var fetch = fetcher.FetchAsync(new FetchRequest(server.Url("slow")), shutdown.Token);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.Bounded());
    }
}
