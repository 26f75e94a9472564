using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsBot.Discord.Gateway;
using NewsBot.Platforms;

namespace NewsBot.Observability.Health;

/// <summary>Ready once the Telegram bot has started (identity checked, commands and intake set up).</summary>
public sealed class TelegramHealthCheck(IEnumerable<IHostedService> hosted) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bot = hosted.OfType<TelegramBotService>().FirstOrDefault();
        return Task.FromResult(bot switch
        {
            null => HealthCheckResult.Unhealthy("the Telegram bot service is not running"),
            { Started: true } => HealthCheckResult.Healthy("bot started"),
            _ => HealthCheckResult.Unhealthy("the Telegram bot has not started yet (see the log for the Bot API's answer)"),
        });
    }
}

/// <summary>Ready while the Discord gateway session is open (READY received, not reconnecting).</summary>
public sealed class DiscordHealthCheck(IEnumerable<IHostedService> hosted) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = hosted.OfType<DiscordBotService>().FirstOrDefault()?.State ?? DiscordGatewayState.Stopped;
        return Task.FromResult(state == DiscordGatewayState.Ready
            ? HealthCheckResult.Healthy("gateway ready")
            : HealthCheckResult.Unhealthy($"gateway {state.ToString().ToLowerInvariant()}"));
    }
}
