using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Platforms;
using NewsBot.Discord.Gateway;
using NewsBot.Discord.Interactions;
using NewsBot.Discord.Rest;
using NewsBot.Discord.Sending;

namespace NewsBot.Discord;

/// <summary>
/// Runs the Discord gateway while the host runs: slash commands arrive as interactions, are answered
/// through the shared command executor, and the command menu is registered on every READY. With
/// several instances the gateway runs only on the one holding the bot's lease
/// (<see cref="IBotLeases"/>): one session per bot, and rate limits count per bot.
/// </summary>
public sealed partial class DiscordBotService(
    DiscordRestClient rest,
    DiscordCommandBridge bridge,
    DiscordOptions options,
    TimeProvider time,
    IBotLeases leases,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The gateway session's state (read by the "discord" health check).</summary>
    public DiscordGatewayState State => _gateway?.State ?? DiscordGatewayState.Stopped;

    private DiscordGatewayClient? _gateway;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.RunAsLeaderAsync(DiscordAlertSender.PlatformName, options.BotToken ?? "", RunGatewayAsync, stoppingToken);

    private async Task RunGatewayAsync(CancellationToken stoppingToken)
    {
        var responder = new InteractionResponder(rest, bridge.HandleAsync, options, time, loggers.CreateLogger<InteractionResponder>());
        _gateway = new DiscordGatewayClient(options, rest, time, logger: loggers.CreateLogger<DiscordGatewayClient>())
        {
            InteractionReceived = responder.HandleAsync,
            Ready = (ready, ct) => NewsSlashCommands.RegisterAsync(rest, options.ApplicationId ?? ready.ApplicationId, options.GuildIds, ct),
        };
        await _gateway.RunAsync(stoppingToken);
        if (_gateway.State == DiscordGatewayState.Faulted)
        {
            var log = loggers.CreateLogger<DiscordBotService>();
            LogStopped(log, _gateway.FaultReason ?? "unknown reason");
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord bot stopped: {Reason}. Alerts to Discord keep waiting in the database.")]
    private static partial void LogStopped(ILogger logger, string reason);
}
