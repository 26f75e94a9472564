using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Console;
using NewsBot.Core.Platforms;
using NewsBot.Discord;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Scaling;
using NewsBot.Storage;
using NewsBot.Telegram;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>The per-bot lease on a real PostgreSQL server: one leader at a time, and a standby takes over when it goes.</summary>
public sealed class LeaderElectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static LeaderElection Election(DatabaseProvider provider, string connectionString) => new(
        Topology.From(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }),
        Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }),
        Options.Create(new LeadershipOptions { RetryInterval = TimeSpan.FromMilliseconds(200) }),
        TimeProvider.System, NullLogger<LeaderElection>.Instance, ChatPlatforms());

    /// <summary>The console, Telegram and Discord platforms as the host registers them with both bot tokens set.</summary>
    private static IEnumerable<IChatPlatform> ChatPlatforms()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = "123:token",
            ["NewsBot:Discord:BotToken"] = "token",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddConsoleChat()
            .AddTelegram(configuration)
            .AddDiscord(configuration)
            .BuildServiceProvider()
            .GetServices<IChatPlatform>()
            .ToList();
    }

    private static Func<CancellationToken, Task> Work(TaskCompletionSource started) => async ct =>
    {
        started.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
    };

    [Fact]
    public async Task Only_one_instance_leads_a_bot_and_a_standby_takes_over_when_the_leader_stops()
    {
        var db = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var (a, b) = (Election(DatabaseProvider.Postgres, db), Election(DatabaseProvider.Postgres, db));
        Assert.False(a.MaySend("telegram")); // nobody sends to Telegram before winning its lease
        Assert.True(a.MaySend("console"));

        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var (startedA, startedB) = (new TaskCompletionSource(), new TaskCompletionSource());
        var runA = a.RunAsLeaderAsync("telegram", "123:token", Work(startedA), stopA.Token);
        await startedA.Task.WaitAsync(Wait);
        var runB = b.RunAsLeaderAsync("telegram", "123:token", Work(startedB), stopB.Token);
        var otherBot = new TaskCompletionSource();
        var runOther = b.RunAsLeaderAsync("telegram", "456:other", Work(otherBot), stopB.Token);
        await otherBot.Task.WaitAsync(Wait); // a different bot token is a different lease

        await Task.WhenAny(startedB.Task, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.False(startedB.Task.IsCompleted, "the standby must not lead while the leader holds the lease");
        Assert.True(a.MaySend("telegram"));

        await stopA.CancelAsync();
        await runA;
        Assert.False(a.MaySend("telegram"));
        await startedB.Task.WaitAsync(Wait);
        Assert.True(b.IsLeader("telegram"));

        await stopB.CancelAsync();
        await Task.WhenAll(runB, runOther);
    }

    [Fact]
    public async Task On_sqlite_the_single_instance_always_leads()
    {
        var election = Election(DatabaseProvider.Sqlite, "Data Source=unused.db");
        Assert.True(election.MaySend("discord")); // also before its bot service has started
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var run = election.RunAsLeaderAsync("discord", "token", Work(started), stop.Token);
        await started.Task.WaitAsync(Wait);
        Assert.True(election.MaySend("discord"));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
