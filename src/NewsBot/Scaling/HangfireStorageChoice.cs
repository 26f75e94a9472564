using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using NewsBot.Configuration;
using Npgsql;

namespace NewsBot.Scaling;

/// <summary>
/// Where Hangfire keeps its jobs: in memory next to SQLite (one instance, the database stays the
/// only truth), in PostgreSQL when the instances share one — then a dispatch or page job enqueued
/// by an instance that dies is run by another. Polls are no jobs (see <c>SourceScheduler</c>).
/// </summary>
public static class HangfireStorageChoice
{
    /// <summary>
    /// Workers for delivery: a dispatch run folds concurrent requests
    /// into itself and serves chats in parallel within it, so two are enough (one sends while
    /// another's request is folded in).
    /// </summary>
    public const int DeliveryWorkers = 2;

    /// <summary>Workers reading article pages; each page is bounded by the fetch timeout and the page budget.</summary>
    public const int PageWorkers = 4;

    /// <summary>All workers of an instance, so the connection pool can be sized from it.</summary>
    public static int WorkerCount => DeliveryWorkers + PageWorkers;

    /// <summary>A job fetched by an instance that died is visible again after this long.</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a finished job stays visible (dashboard, monitoring API). Hangfire's default is a day
    /// (three hours in memory): at 333 polls a second and ~0.95 KB a job that is gigabytes, while the
    /// dashboard only needs recent history and sources keep their own (health, last error).
    /// </summary>
    public static readonly TimeSpan JobRetention = TimeSpan.FromMinutes(2);

    /// <summary>The storage of a single instance: finished jobs expire after <see cref="JobRetention"/>.</summary>
    public static InMemoryStorage CreateInMemoryStorage() =>
        // MaxExpirationTime caps every expiring entry, Hangfire's hourly and daily counters too.
        new(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long, MaxExpirationTime = JobRetention }) { JobExpirationTimeout = JobRetention };

    public static IGlobalConfiguration UseNewsBotStorage(this IGlobalConfiguration config, DatabaseOptions database)
    {
        if (!Topology.From(database).SeveralInstances) return config.UseStorage(CreateInMemoryStorage());

        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "newsbot-hangfire" };
        // Every worker holds a connection while its job runs, and the server's own loops (heartbeat,
        // scheduler, fetch, keep-alive of fetched jobs) need some more. A smaller pool makes the
        // keep-alive wait behind the workers; a job whose keep-alive is late looks abandoned and
        // runs a second time (measured: double runs otherwise).
        connection.MaxPoolSize = Math.Max(connection.MaxPoolSize, WorkerCount + 10);
        return config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connection.ConnectionString), new PostgreSqlStorageOptions
        {
            // Measured: without the sliding timeout a job running longer than the invisibility
            // timeout is fetched again and runs twice. With it, a running job keeps renewing its
            // fetch, and the timeout only decides how soon a dead instance's job is picked up.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = InvisibilityTimeout,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            PrepareSchemaIfNecessary = true,
            SchemaName = "hangfire",
            // Expired rows are deleted this often (default: hourly, a million rows at 333 polls a second).
            JobExpirationCheckInterval = JobRetention,
        }).WithJobExpirationTimeout(JobRetention);
    }
}
