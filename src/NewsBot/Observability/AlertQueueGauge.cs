using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Platforms;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Observability;

/// <summary>
/// newsbot_alerts_queued{platform}: alerts waiting to be sent, read from the outbox table when
/// /metrics is scraped. The table is the truth every instance shares, so each replica reports the
/// same queue; a counter kept in memory would only know this instance's share.
/// </summary>
public sealed partial class AlertQueueGauge
{
    private readonly IDbContextFactory<NewsBotDbContext> _dbFactory;
    private readonly string[] _platforms;
    private readonly ILogger<AlertQueueGauge> _log;

    public AlertQueueGauge(NewsBotMetrics metrics, IDbContextFactory<NewsBotDbContext> dbFactory, IEnumerable<IChatPlatform> senders, ILogger<AlertQueueGauge> log)
    {
        _dbFactory = dbFactory;
        _platforms = senders.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToArray();
        _log = log;
        metrics.Meter.CreateObservableGauge("newsbot_alerts_queued", Observe, description: "Alerts waiting to be sent (pending, including those waiting for a retry), by platform.");
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        Dictionary<string, long> counts;
        try
        {
            // Metric callbacks are synchronous; this is one indexed GROUP BY per scrape.
            using var db = _dbFactory.CreateDbContext();
            counts = db.Alerts.Where(a => a.Status == AlertStatus.Pending)
                .GroupBy(a => a.Chat!.Platform)
                .Select(g => new { Platform = g.Key, Count = g.LongCount() })
                .ToDictionary(x => x.Platform, x => x.Count, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // No number is better than a wrong zero; /health/ready reports the database.
            LogUnavailable(e.Message);
            return [];
        }
        return _platforms.Union(counts.Keys, StringComparer.Ordinal)
            .Select(p => new Measurement<long>(counts.GetValueOrDefault(p), new KeyValuePair<string, object?>("platform", p)))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "metrics: alert queue not readable: {Cause}")]
    private partial void LogUnavailable(string cause);
}
