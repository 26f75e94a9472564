using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsBot.Discord;
using NewsBot.Observability.Health;
using NewsBot.Telegram;
using OpenTelemetry.Metrics;

namespace NewsBot.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>Tag of the checks behind /health/ready; /health/live runs none (the process answering is the signal).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Health checks (database, job server, each configured chat platform) and OpenTelemetry
    /// metrics exported for Prometheus. A platform is checked only when its token is configured,
    /// the same rule that turns the platform on.
    /// </summary>
    public static IServiceCollection AddNewsBotObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<NewsBotMetrics>();
        services.AddSingleton<AlertQueueGauge>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(NewsBotMetrics.MeterName)
            .AddPrometheusExporter());

        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5))
            .AddCheck<JobServerHealthCheck>("jobs", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5));
        if (!string.IsNullOrEmpty(configuration[TelegramOptions.Section + ":BotToken"]))
            checks.AddCheck<TelegramHealthCheck>("telegram", HealthStatus.Unhealthy, [ReadyTag]);
        if (!string.IsNullOrEmpty(configuration[DiscordOptions.SectionName + ":BotToken"]))
            checks.AddCheck<DiscordHealthCheck>("discord", HealthStatus.Unhealthy, [ReadyTag]);
        return services;
    }
}
