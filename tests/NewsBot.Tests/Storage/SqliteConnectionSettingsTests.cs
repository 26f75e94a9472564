using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Storage;

public sealed class SqliteConnectionSettingsTests
{
    [Fact]
    public async Task A_write_that_meets_another_write_transaction_goes_on_as_soon_as_it_commits()
    {
        await using var database = await FileTestDatabase.CreateAsync();
        await using (var seed = database.Open())
        {
            seed.Sources.Add(new Source { Name = "a", Url = "https://example.com/a.xml", CreatedAt = DateTime.UtcNow });
            await seed.SaveChangesAsync();
        }

        await using var holder = database.Open();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        await holder.Sources.ExecuteUpdateAsync(u => u.SetProperty(s => s.LastError, "held"));
        var clock = Stopwatch.StartNew();
        var waiter = Task.Run(async () =>
        {
            await using var other = database.Open();
            await other.Sources.ExecuteUpdateAsync(u => u.SetProperty(s => s.LastItemCount, 7));
            return clock.Elapsed;
        });
        await Task.Delay(30); // a short write transaction, as a poll's save is
        await transaction.CommitAsync();
        var waited = await waiter;

        // Microsoft.Data.Sqlite's own retry sleeps 150 ms after a collision; SQLite's busy handler retries within milliseconds.
        Assert.True(waited < TimeSpan.FromMilliseconds(130), $"the second write waited {waited.TotalMilliseconds:0} ms for a 30 ms transaction");
        await using var check = database.Open();
        Assert.Equal(7, (await check.Sources.SingleAsync()).LastItemCount);
    }

    [Fact]
    public async Task Every_connection_waits_for_a_locked_database_and_commits_without_an_fsync_each()
    {
        await using var database = await FileTestDatabase.CreateAsync();
        await using var db = database.Open();
        Assert.Equal(5000, await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
        Assert.Equal(1, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync()); // 1 = NORMAL
    }
}
