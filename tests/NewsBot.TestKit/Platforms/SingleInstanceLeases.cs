using NewsBot.Core.Platforms;

namespace NewsBot.TestKit.Platforms;

/// <summary>
/// The bot lease of a single instance, as the host's LeaderElection gives it on SQLite: the work runs at
/// once and is cancelled on stop. For adapter tests that run a bot service without the host.
/// </summary>
public sealed class SingleInstanceLeases : IBotLeases
{
    public List<string> Platforms { get; } = [];

    public Task RunAsLeaderAsync(string platform, string account, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        lock (Platforms) Platforms.Add(platform);
        return work(stoppingToken);
    }
}
