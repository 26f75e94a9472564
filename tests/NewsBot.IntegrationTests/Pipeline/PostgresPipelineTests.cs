using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>The same pipeline on a real PostgreSQL server (a throwaway cluster unless NEWSBOT_TEST_POSTGRES is set).</summary>
[Collection(HostCollection.Name)]
public sealed class PostgresPipelineTests : IAsyncLifetime
{
    private const string SeedHeadline = "Exclusive: Progress is being made in ceasefire talks, modest however";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private NewsSite _site = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Dictionary<string, string?> Settings() => new(_site.SeedSource())
    {
        ["NewsBot:Console:Filters:0"] = "ceasefire",
    };

    [Fact]
    public async Task Seed_article_is_alerted_once_and_a_restart_sends_nothing_again_on_postgres()
    {
        _site.Feed.Add("old", "Ceasefire backlog story", "<p>Older.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        await using (var first = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, Settings()))
        {
            await first.WaitForFirstFetchAsync(Wait);
            _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
            await Eventually.TrueAsync(() => first.Output.Text.Contains(SeedHeadline), Wait, "the seed article is alerted");
            Assert.DoesNotContain("backlog", first.Output.Text);
        }

        await using var second = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, Settings());
        await _site.WaitForPollsAsync(2, Wait); // the restarted host polls again
        await Eventually.TrueAsync(async () =>
        {
            await using var db = second.Db();
            return !await db.Alerts.AnyAsync(a => a.Status != Storage.Entities.AlertStatus.Sent);
        }, Wait, "nothing is waiting");
        Assert.Equal("", second.Output.Text);
        await using var check = second.Db();
        Assert.Equal(1, await check.Alerts.CountAsync());
    }
}
