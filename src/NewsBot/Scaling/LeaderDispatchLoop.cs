using Microsoft.Extensions.Options;
using NewsBot.Pipeline.Deliver;

namespace NewsBot.Scaling;

/// <summary>
/// With shared job storage a dispatch job may run on an instance that leads no platform, and that
/// instance skips the platforms that need the bot's leader; so the leader looks for their alerts itself every
/// <see cref="LeadershipOptions.LeaderDispatchInterval"/>, and at once when another instance (or a job that ran
/// there) says alerts are due (<see cref="InstanceSignals"/>). Runs only when <see cref="Topology.SeveralInstances"/>
/// (a single instance runs every job itself).
/// </summary>
public sealed partial class LeaderDispatchLoop(
    LeaderElection leaders,
    Topology topology,
    InstanceSignals signals,
    IServiceProvider services,
    IOptions<LeadershipOptions> options,
    ILogger<LeaderDispatchLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!topology.SeveralInstances) return;
        // Resolved here, not injected: on SQLite nothing of the delivery side is built early for this loop.
        var dispatcher = services.GetRequiredService<AlertDispatcher>();
        var platforms = services.GetRequiredService<Platforms.ChatPlatforms>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await signals.WaitAsync(InstanceSignal.Dispatch, options.Value.LeaderDispatchInterval, stoppingToken);
                if (!platforms.All.Any(p => p.Capabilities.NeedsLeader && leaders.IsLeader(p.Name))) continue;
                try
                {
                    await dispatcher.DispatchHereAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Leader dispatch round failed; trying again next round")]
    private partial void LogFailed(Exception e);
}
