using Hangfire;
using Microsoft.EntityFrameworkCore;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Match;
using NewsBot.Storage;

namespace NewsBot.Startup;

/// <summary>
/// What runs before the service takes work: migrations, seed data, the filter index, and the
/// jobs that make the database the truth again (unsent alerts re-queued, recurring work registered).
/// </summary>
public static class StartupTasks
{
    /// <summary>
    /// The embedded default runs one instance with its job queue in memory: claims found at start
    /// belong to a process that is gone (its queued jobs died with it), so they are released now
    /// instead of when their leases run out.
    /// </summary>
    private static async Task ReleaseStaleClaimsAsync(NewsBotDbContext db, CancellationToken ct)
    {
        await db.Sources.Where(s => s.PollClaimedUntil != null).ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, (DateTime?)null), ct);
        await db.Alerts.Where(a => a.ClaimedUntil != null).ExecuteUpdateAsync(u => u.SetProperty(a => a.ClaimedUntil, (DateTime?)null), ct);
        await db.SourceNotices.Where(n => n.ClaimedUntil != null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ClaimedUntil, (DateTime?)null), ct);
    }

    public static async Task PrepareAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<NewsBotDbContextFactory>();
        await using var db = factory.CreateDbContext();
        // Instances started together on an empty database take turns: migrations, Hangfire's schema and
        // the seed rows are made by the first, found by the others.
        await using (await factory.LockForStartupAsync(ct))
        {
            await factory.MigrateAsync(ct);
            _ = services.GetRequiredService<JobStorage>();
            if (services.GetRequiredService<Scaling.Topology>().SeveralInstances)
                await Scaling.RetiredJobs.RemoveAsync(db, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks)), ct);
            await services.GetRequiredService<SeedData>().ApplyAsync(db, ct);
        }
        if (!services.GetRequiredService<Scaling.Topology>().SeveralInstances) await ReleaseStaleClaimsAsync(db, ct);
        await services.GetRequiredService<FilterIndexHolder>().LoadAsync(db, ct);
        await services.GetRequiredService<Pipeline.Match.StoryIndexHolder>().LoadAsync(db, ct);

        // Recovery sweep: picks up alerts whose retry time came or whose sender died mid-send.
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<AlertDispatcher>(
            "dispatch-alerts", d => d.DispatchPendingAsync(CancellationToken.None), Cron.Minutely());
        if (await db.Alerts.AnyAsync(a => a.Status == Storage.Entities.AlertStatus.Pending || a.UpdatePending, ct))
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None));
    }
}
