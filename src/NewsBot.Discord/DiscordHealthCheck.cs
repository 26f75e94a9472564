using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsBot.Discord.Gateway;

namespace NewsBot.Discord;

/// <summary>Ready while the Discord gateway session is open (READY received, not reconnecting).</summary>
public sealed class DiscordHealthCheck(DiscordBotService bot) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bot.State == DiscordGatewayState.Ready
            ? HealthCheckResult.Healthy("gateway ready")
            : HealthCheckResult.Unhealthy($"gateway {bot.State.ToString().ToLowerInvariant()}"));
}
