using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;

namespace NewsBot.Observability;

/// <summary>
/// newsbot_poll_schedule_lag_seconds: how late the longest-waiting due source that no instance has
/// claimed is, read from the sources table when /metrics is scraped; 0 while the schedule is kept.
/// A lag that keeps growing means the instances poll fewer feeds a second than come due.
/// </summary>
public sealed partial class ScheduleLagGauge
{
    private readonly IDbContextFactory<NewsBotDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduleLagGauge> _log;

    public ScheduleLagGauge(NewsBotMetrics metrics, IDbContextFactory<NewsBotDbContext> dbFactory, TimeProvider time, ILogger<ScheduleLagGauge> log)
    {
        _dbFactory = dbFactory;
        _time = time;
        _log = log;
        metrics.Meter.CreateObservableGauge("newsbot_poll_schedule_lag", Observe, unit: "s",
            description: "How late the oldest due source that no instance has claimed yet is (0: the schedule is kept).");
    }

    private IEnumerable<Measurement<double>> Observe()
    {
        try
        {
            // Metric callbacks are synchronous; this is one read of the NextPollAt index per scrape.
            using var db = _dbFactory.CreateDbContext();
            var now = _time.GetUtcNow().UtcDateTime;
            var oldest = db.Sources.Where(s => !s.Paused && s.NextPollAt <= now && (s.PollClaimedUntil == null || s.PollClaimedUntil < now))
                .OrderBy(s => s.NextPollAt).Select(s => (DateTime?)s.NextPollAt).FirstOrDefault();
            return [new Measurement<double>(oldest is { } due ? (now - due).TotalSeconds : 0)];
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // No number is better than a wrong zero; /health/ready reports the database.
            LogUnavailable(e.Message);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "metrics: poll schedule lag not readable: {Cause}")]
    private partial void LogUnavailable(string cause);
}
