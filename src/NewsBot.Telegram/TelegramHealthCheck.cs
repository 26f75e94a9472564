using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsBot.Telegram;

/// <summary>Ready once the Telegram bot has started (identity checked, commands and intake set up).</summary>
public sealed class TelegramHealthCheck(TelegramBotService bot) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bot.Started
            ? HealthCheckResult.Healthy("bot started")
            : HealthCheckResult.Unhealthy("the Telegram bot has not started yet (see the log for the Bot API's answer)"));
}
