namespace NewsBot.Core.Platforms;

/// <summary>
/// Runs a bot's intake and sending on one instance at a time. The host implements it (on one
/// instance the work simply runs); adapters' bot services call it with their platform and token.
/// </summary>
public interface IBotLeases
{
    /// <summary>
    /// Waits for the lease of (<paramref name="platform"/>, <paramref name="account"/>), runs
    /// <paramref name="work"/> while holding it, and cancels the work when the lease is lost. The
    /// account (a bot token) only feeds the lock key's hash; it is never logged.
    /// </summary>
    Task RunAsLeaderAsync(string platform, string account, Func<CancellationToken, Task> work, CancellationToken stoppingToken);
}
