using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>
/// Upgrading on PostgreSQL: poll jobs an older version queued (one per source, in a queue no server serves any more)
/// and jobs that ended failed (never expired) are removed at start, while the service's own jobs stay.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RetiredJobsTests
{
    private const string PollJob = """{"Type": "NewsBot.Pipeline.Poll.PollSourceJob, NewsBot", "Method": "RunAsync", "Arguments": "[\"17\",null]", "ParameterTypes": "[\"System.Int64\",\"System.Threading.CancellationToken\"]"}""";
    private const string DispatchJob = """{"Type": "NewsBot.Pipeline.Deliver.AlertDispatcher, NewsBot", "Method": "DispatchPendingAsync", "Arguments": "[null]", "ParameterTypes": "[\"System.Threading.CancellationToken\"]"}""";

    [Fact]
    public async Task Poll_jobs_and_failed_jobs_of_older_versions_are_removed_at_start_and_other_jobs_kept()
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>();
        await (await TestHost.StartAsync(DatabaseProvider.Postgres, connectionString, settings)).DisposeAsync();

        long queued, scheduled, failed, kept;
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            async Task<long> JobAsync(string invocation, string state)
            {
                await using var insert = new Npgsql.NpgsqlCommand(
                    "INSERT INTO hangfire.job (invocationdata, arguments, createdat, statename) VALUES (@i::jsonb, '[]', now(), @s) RETURNING id", connection);
                insert.Parameters.AddWithValue("i", invocation);
                insert.Parameters.AddWithValue("s", state);
                return (long)(await insert.ExecuteScalarAsync())!;
            }
            async Task RunAsync(string sql)
            {
                await using var command = new Npgsql.NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
            queued = await JobAsync(PollJob, "Enqueued");
            scheduled = await JobAsync(PollJob, "Scheduled");
            failed = await JobAsync(DispatchJob, "Failed");
            kept = await JobAsync(DispatchJob, "Succeeded");
            await RunAsync($"INSERT INTO hangfire.jobqueue (jobid, queue) VALUES ({queued}, 'polls')");
            await RunAsync($"INSERT INTO hangfire.set (key, value, score) VALUES ('schedule', '{scheduled}', 0)");
            await RunAsync($"INSERT INTO hangfire.set (key, value, score) VALUES ('failed', '{failed}', 0)");
            await RunAsync($"INSERT INTO hangfire.state (jobid, name, createdat) VALUES ({queued}, 'Enqueued', now())");
        }

        var host = await TestHost.StartAsync(DatabaseProvider.Postgres, connectionString, settings);
        await using (host)
        {
            await using var db = host.Db();
            var ids = await db.Database.SqlQueryRaw<long>("SELECT id AS \"Value\" FROM hangfire.job").ToListAsync();
            Assert.DoesNotContain(queued, ids);
            Assert.DoesNotContain(scheduled, ids);
            Assert.DoesNotContain(failed, ids);
            Assert.Contains(kept, ids);
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.jobqueue WHERE queue = 'polls'").SingleAsync());
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.set WHERE key IN ('schedule', 'failed')").SingleAsync());
            Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.state WHERE jobid = {queued}").SingleAsync());
        }
    }
}
