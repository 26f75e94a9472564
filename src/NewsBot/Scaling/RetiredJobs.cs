using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;

namespace NewsBot.Scaling;

/// <summary>
/// Jobs older versions left in PostgreSQL's job storage that nothing will ever run or expire: a poll job per
/// source in the "polls" queue (polls are no jobs since they are claimed in batches, and no server serves that
/// queue), and jobs that ended failed (failed is no final state in Hangfire, so they were kept for ever; jobs now
/// end deleted when their retries are used up). Removed at start, under the start-up lock, with their state
/// history, parameters, queue entries and schedule entries.
/// </summary>
public static partial class RetiredJobs
{
    private const string RetiredQueue = "polls";
    private const string RetiredJobType = "NewsBot.Pipeline.Poll.PollSourceJob";

    public static async Task<int> RemoveAsync(NewsBotDbContext db, ILogger log, CancellationToken ct)
    {
        // The schema is Hangfire.PostgreSql's ("hangfire", see HangfireStorageChoice); state and
        // jobparameter rows go with their job (ON DELETE CASCADE), queue and set rows have no key to it.
        var removed = await db.Database.ExecuteSqlRawAsync($"""
            WITH retired AS (
                SELECT id FROM hangfire.job
                 WHERE statename = 'Failed' OR invocationdata::text LIKE '%{RetiredJobType}%'
                UNION SELECT jobid FROM hangfire.jobqueue WHERE queue = '{RetiredQueue}'),
            queued AS (DELETE FROM hangfire.jobqueue WHERE queue = '{RetiredQueue}' OR jobid IN (SELECT id FROM retired)),
            listed AS (DELETE FROM hangfire.set WHERE key IN ('schedule', 'failed') AND value IN (SELECT id::text FROM retired))
            DELETE FROM hangfire.job WHERE id IN (SELECT id FROM retired)
            """, ct);
        if (removed > 0) LogRemoved(log, removed);
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} jobs older versions left in the job storage (poll jobs, failed jobs)")]
    private static partial void LogRemoved(ILogger log, int count);
}
