using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsBot.Observability.Health;

/// <summary>
/// Ready only while this process's Hangfire server keeps beating: without it no source is polled
/// and no alert is sent. Other instances' servers (shared PostgreSQL storage) do not count.
/// </summary>
public sealed class JobServerHealthCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    /// <summary>Hangfire beats every 30 s by default; two missed beats mean the server is stuck or gone.</summary>
    public static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromSeconds(75);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var now = time.GetUtcNow().UtcDateTime;
        var mine = servers.Where(s => JobServerName.IsThisProcess(s.Name)).ToList();
        var beating = mine.Where(s => s.Heartbeat is { } beat && now - beat <= MaxHeartbeatAge).ToList();
        if (beating.Count > 0)
            return Task.FromResult(HealthCheckResult.Healthy($"{beating.Count} job server(s) in this process, {servers.Count} in all, {beating.Sum(s => s.WorkersCount)} workers"));
        var reason = mine.Count == 0
            ? $"no job server of this process is registered ({servers.Count} other server(s))"
            : $"the job server's last heartbeat is older than {MaxHeartbeatAge.TotalSeconds:0} s";
        return Task.FromResult(HealthCheckResult.Unhealthy(reason));
    }
}

/// <summary>Hangfire names a server "{server name}:{process id}:{guid}" (BackgroundProcessingServer).</summary>
internal static class JobServerName
{
    public static bool IsThisProcess(string name)
    {
        var parts = name.Split(':');
        return parts.Length >= 3
            && parts[^2] == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && parts[0].Equals(Environment.MachineName, StringComparison.OrdinalIgnoreCase);
    }
}
