using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>
/// Instances started together on an empty PostgreSQL database (docker compose does exactly this) all
/// come up: migrations, Hangfire's schema and the seed data are made once, not raced.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class FirstStartTests
{
    [Fact]
    public async Task Three_instances_started_at_once_on_an_empty_database_all_start_and_seed_once()
    {
        await using var site = await NewsSite.StartAsync();
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(site.SeedSource()) { ["NewsBot:Console:Filters:0"] = "ceasefire" };

        var starting = Enumerable.Range(0, 3).Select(_ => Task.Run(() => TestHost.StartAsync(DatabaseProvider.Postgres, connectionString, settings))).ToList();
        var outcomes = await Task.WhenAll(starting.Select(async t =>
        {
            try
            {
                return (Host: await t, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (Host: (TestHost?)null, Error: e);
            }
        }));
        try
        {
            Assert.All(outcomes, o => Assert.Null(o.Error));
            await using var db = outcomes[0].Host!.Db();
            Assert.Equal(1, await db.Sources.CountAsync());
            Assert.Equal(1, await db.Chats.CountAsync());
            Assert.Equal(1, await db.Filters.CountAsync());
        }
        finally
        {
            foreach (var host in outcomes.Select(o => o.Host).OfType<TestHost>()) await host.DisposeAsync();
        }
    }
}
