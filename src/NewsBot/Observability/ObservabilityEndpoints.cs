using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace NewsBot.Observability;

public static class ObservabilityEndpoints
{
    /// <summary>
    /// /health/live: the process serves HTTP (restart it if not). /health/ready: the database, the
    /// job server and every configured chat platform work (send no traffic if not; 503).
    /// /metrics: Prometheus text format.
    /// </summary>
    public static WebApplication MapNewsBotObservability(this WebApplication app)
    {
        // Created here so the queue gauge exists before the first scrape.
        app.Services.GetRequiredService<AlertQueueGauge>();
        app.Services.GetRequiredService<ScheduleLagGauge>();
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ObservabilityServiceCollectionExtensions.ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
