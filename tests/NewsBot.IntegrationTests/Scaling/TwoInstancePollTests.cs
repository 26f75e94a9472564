using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>Two instances on one PostgreSQL database share the polls of a round and never poll a source twice.</summary>
[Collection(HostCollection.Name)]
public sealed class TwoInstancePollTests : IAsyncLifetime
{
    private const int Sources = 200;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private LoopbackHttpServer _site = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _site = await LoopbackHttpServer.StartAsync();
        var feed = new FeedBuilder().Add("item-1", "Ceasefire holds overnight", "<p>Quiet night.</p>", DateTimeOffset.UtcNow.AddHours(-1)).Build();
        for (var i = 0; i < Sources; i++)
        {
            var notModified = i % 2 == 0; // half answer 304 (the batched path), half a feed (the ingest path)
            _site.Map($"f{i}.xml", async ctx =>
            {
                await Task.Delay(20, ctx.RequestAborted); // polls overlap, so both instances claim while the other polls
                if (notModified)
                {
                    ctx.Response.StatusCode = 304;
                    return;
                }
                ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
                await ctx.Response.WriteAsync(feed);
            });
        }
        _connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Two_instances_poll_each_of_200_sources_exactly_once_in_a_round()
    {
        var settings = new Dictionary<string, string?> { ["NewsBot:Sources:MaxConcurrentPolls"] = "16" };
        await using var first = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, settings);
        await using var second = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, settings);
        var now = DateTime.UtcNow;
        await using (var db = first.Db())
        {
            for (var i = 0; i < Sources; i++)
                db.Sources.Add(new Source { Name = $"Feed {i}", Url = _site.Url($"f{i}.xml").ToString(), PollInterval = TimeSpan.FromMinutes(10), NextPollAt = now, CreatedAt = now });
            await db.SaveChangesAsync();
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var db = first.Db();
            return await db.Sources.CountAsync(s => s.LastAttemptAt != null && s.PollClaimedUntil == null) == Sources;
        }, Wait, $"all {Sources} sources are polled and recorded");
        await Task.Delay(TimeSpan.FromSeconds(2)); // two more scheduler ticks on each instance

        var perSource = _site.Requests.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(Sources, perSource.Count);
        Assert.All(perSource, p => Assert.Equal(1, p.Value));
        await using var check = first.Db();
        Assert.Equal(Sources, await check.Sources.CountAsync(s => s.ConsecutiveFailures == 0 && s.NextPollAt > now.AddMinutes(5)));
    }
}
