using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsBot.Core.Platforms;
using NewsBot.Observability.Health;
using OpenTelemetry.Metrics;

namespace NewsBot.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>Tag of the checks behind /health/ready; /health/live runs none (the process answering is the signal).</summary>
    public const string ReadyTag = PlatformReadiness.HealthTag;

    /// <summary>
    /// Health checks (database, job server; each chat adapter adds its own bot's check, named for the
    /// platform, when its token turns it on) and OpenTelemetry metrics exported for Prometheus.
    /// </summary>
    public static IServiceCollection AddNewsBotObservability(this IServiceCollection services)
    {
        services.AddSingleton<NewsBotMetrics>();
        services.AddSingleton<AlertQueueGauge>();
        services.AddSingleton<ScheduleLagGauge>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(NewsBotMetrics.MeterName)
            .AddPrometheusExporter());

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5))
            .AddCheck<JobServerHealthCheck>("jobs", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5));
        return services;
    }
}
