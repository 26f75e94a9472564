using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
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

/// <summary>
/// The per-bot lease on a real PostgreSQL server: one leader at a time, and a standby takes over when
/// it goes. The retry interval runs on a fake clock: a standby tries again only when the clock says so.
/// </summary>
public sealed class LeaderElectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private LeaderElection Election(DatabaseProvider provider, string connectionString) => new(
        Topology.From(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }),
        Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }),
        Options.Create(new LeadershipOptions { RetryInterval = RetryInterval }),
        _time, NullLogger<LeaderElection>.Instance, ChatPlatforms());

    /// <summary>Moves the clock one retry interval at a time until <paramref name="done"/> (each round is real database work).</summary>
    private Task RetryUntilAsync(Task done, string because) =>
        Eventually.TrueAsync(() =>
        {
            if (!done.IsCompleted) _time.Advance(RetryInterval);
            return done.IsCompleted;
        }, Wait, because);

    /// <summary>The console, Telegram and Discord platforms as the host registers them with both bot tokens set.</summary>
    private static List<IChatPlatform> ChatPlatforms()
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

        for (var round = 0; round < 3; round++) // three retry rounds of the standby, and lease checks of the leader
        {
            _time.Advance(RetryInterval);
            await Task.WhenAny(startedB.Task, Task.Delay(TimeSpan.FromMilliseconds(300)));
        }
        Assert.False(startedB.Task.IsCompleted, "the standby must not lead while the leader holds the lease");
        Assert.True(a.MaySend("telegram"));

        await stopA.CancelAsync();
        await runA;
        Assert.False(a.MaySend("telegram"));
        await RetryUntilAsync(startedB.Task, "the standby takes the lease at its next try");
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
