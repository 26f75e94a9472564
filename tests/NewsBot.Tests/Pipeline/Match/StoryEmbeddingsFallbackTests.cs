using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// Whatever the embedding endpoint does — refuse connections, reject the key, rate-limit, fail, hang or
/// answer nonsense — the poll's alerts go out, grouped lexically, with one warning a minute that names
/// the endpoint's host and never the key; a failing endpoint is skipped for a while so it costs polls nothing.
/// </summary>
public sealed class StoryEmbeddingsFallbackTests
{
    public static TheoryData<string, string> Failures => new()
    {
        { "down", "HttpRequestException" },
        { "wrong key", "HTTP 401" },
        { "rate limited", "HTTP 429" },
        { "server error", "HTTP 500" },
        { "one vector short", "reply has 1 vectors for 2 texts" },
        { "5000 dimensions", "reply has vectors of 5000 dimensions (accepted: 1 to 4096)" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task When_the_model_fails_the_alerts_still_go_out_grouped_lexically_with_a_warning_that_never_shows_the_key(string failure, string reason)
    {
        var closedPort = ClosedPort();
        await using var world = await EmbeddingsWorld.CreateAsync(
            serverKey: failure == "wrong key" ? "sk-the-key-the-server-wants-0000" : EmbeddingsWorld.Key,
            configure: o => o.Endpoint = failure == "down" ? $"http://127.0.0.1:{closedPort}/v1" : o.Endpoint);
        world.Server.FailWith = failure switch { "rate limited" => 429, "server error" => 500, _ => null };
        world.Server.DropLastVector = failure == "one vector short";
        if (failure == "5000 dimensions") world.Server.Dimensions = 5000;
        var wireA = await world.AddSourceAsync("Wire A");
        var wireB = await world.AddSourceAsync("Wire B");

        var first = await world.PollAsync(wireA, world.Item("a1", "Ceasefire talks resume in Cairo as mediators press both sides"), world.Item("a2", "Football results"));
        var second = await world.PollAsync(wireB, world.Item("b1", "Ceasefire talks resume in Cairo as mediators press both sides"));

        Assert.Equal((1, 0, 1), (first.NewAlerts, second.NewAlerts, second.UpdatedAlerts)); // the lexical join still works
        await using var db = world.Database.Open();
        Assert.All(await db.Articles.ToListAsync(), a => Assert.Null(a.StoryEmbedding));
        var warning = Assert.Single(world.Log.Warnings); // the second failure, within the minute, is counted, not logged
        var host = new Uri(world.Options.Endpoint!).Authority;
        Assert.Contains($"story embeddings at {host} (model 'nomic-embed-text'): {reason}", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(EmbeddingsWorld.Key, string.Join("\n", world.Log.Entries.Select(e => e.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_within_Timeout_leaves_the_poll_to_group_lexically()
    {
        await using var world = await EmbeddingsWorld.CreateAsync(configure: o => o.Timeout = TimeSpan.FromSeconds(5));
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Server.Received += _ => received.TrySetResult();
        world.Server.Stall();
        var wire = await world.AddSourceAsync("Wire A");

        var poll = world.PollAsync(wire, world.Item("1", "Ceasefire talks resume in Cairo"));
        await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        world.Time.Advance(TimeSpan.FromSeconds(5));
        var outcome = await poll.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, outcome.NewAlerts);
        Assert.Contains("no reply within 5 s", Assert.Single(world.Log.Warnings), StringComparison.Ordinal);
        await using var db = world.Database.Open();
        Assert.Null((await db.Articles.SingleAsync()).StoryEmbedding);
    }

    [Fact]
    public async Task After_three_failures_in_a_row_the_model_is_skipped_for_a_minute_then_tried_again()
    {
        await using var world = await EmbeddingsWorld.CreateAsync();
        world.Server.FailWith = 500;
        var wire = await world.AddSourceAsync("Wire A");

        for (var i = 0; i < 5; i++) await world.PollAsync(wire, world.Item($"f{i}", $"Ceasefire report number {i}"));
        Assert.Equal(3, world.Server.RequestCount);

        world.Time.Advance(TimeSpan.FromMinutes(1));
        await world.PollAsync(wire, world.Item("again", "Ceasefire report again")); // tried, fails: skipped for another minute
        await world.PollAsync(wire, world.Item("skipped", "Ceasefire report skipped"));
        Assert.Equal(4, world.Server.RequestCount);
        Assert.Contains("HTTP 500; model skipped until 10:02:00 UTC", world.Log.Warnings.Last(), StringComparison.Ordinal);

        world.Time.Advance(TimeSpan.FromMinutes(1));
        world.Server.FailWith = null;
        await world.PollAsync(wire, world.Item("ok", "Ceasefire talks resume in Cairo"));

        Assert.Equal(5, world.Server.RequestCount);
        await using var db = world.Database.Open();
        Assert.NotNull((await db.Articles.SingleAsync(a => a.Title == "Ceasefire talks resume in Cairo")).StoryEmbedding);
    }

    [Fact]
    public async Task A_429_stops_requests_for_its_Retry_After()
    {
        await using var world = await EmbeddingsWorld.CreateAsync();
        world.Server.FailWith = 429;
        world.Server.RetryAfterSeconds = 20;
        var wire = await world.AddSourceAsync("Wire A");

        await world.PollAsync(wire, world.Item("1", "Ceasefire report one"));
        world.Time.Advance(TimeSpan.FromSeconds(19));
        await world.PollAsync(wire, world.Item("2", "Ceasefire report two"));
        Assert.Equal(1, world.Server.RequestCount);

        world.Time.Advance(TimeSpan.FromSeconds(1));
        world.Server.FailWith = null;
        await world.PollAsync(wire, world.Item("3", "Ceasefire report three"));
        Assert.Equal(2, world.Server.RequestCount);
    }

    [Fact]
    public async Task A_failing_model_is_warned_about_at_most_once_a_minute()
    {
        await using var world = await EmbeddingsWorld.CreateAsync();
        world.Server.DropLastVector = true; // a reply that does not fit; each poll below is one failure
        var wire = await world.AddSourceAsync("Wire A");

        await world.PollAsync(wire, world.Item("1", "Ceasefire report one"));
        world.Time.Advance(TimeSpan.FromSeconds(30));
        await world.PollAsync(wire, world.Item("2", "Ceasefire report two"));
        world.Time.Advance(TimeSpan.FromSeconds(30));
        await world.PollAsync(wire, world.Item("3", "Ceasefire report three"));

        Assert.Equal(3, world.Server.RequestCount);
        Assert.Equal(2, world.Log.Warnings.Count());
        Assert.Contains("(1 more failures since the last warning)", world.Log.Warnings.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_RequestsPerMinute_a_poll_groups_lexically_without_asking_the_model()
    {
        await using var world = await EmbeddingsWorld.CreateAsync(configure: o => o.RequestsPerMinute = 2);
        var wire = await world.AddSourceAsync("Wire A");

        for (var i = 0; i < 3; i++) await world.PollAsync(wire, world.Item($"{i}", $"Ceasefire report {i}"));

        Assert.Equal(2, world.Server.RequestCount);
        Assert.Contains("budget of 2 requests per minute used up", Assert.Single(world.Log.Warnings), StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
