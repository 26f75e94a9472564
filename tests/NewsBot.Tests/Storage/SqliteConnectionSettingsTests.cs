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

        // The shortest of five collisions: on a loaded machine one may stall, but Microsoft.Data.Sqlite's
        // own retry sleeps 150 ms after every collision, so without the busy timeout none is shorter.
        var shortest = TimeSpan.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var waited = await CollideAsync(database, round);
            if (waited < shortest) shortest = waited;
        }

        Assert.True(shortest < TimeSpan.FromMilliseconds(130), $"the second write waited at least {shortest.TotalMilliseconds:0} ms for a 30 ms transaction");
        await using var check = database.Open();
        Assert.Equal(4, (await check.Sources.SingleAsync()).LastItemCount);
    }

    /// <summary>Holds a write transaction ~30 ms while another connection writes; returns how long that write took.</summary>
    private static async Task<TimeSpan> CollideAsync(FileTestDatabase database, int round)
    {
        await using var holder = database.Open();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        await holder.Sources.ExecuteUpdateAsync(u => u.SetProperty(s => s.LastError, "held"));
        var clock = Stopwatch.StartNew();
        var waiter = Task.Run(async () =>
        {
            await using var other = database.Open();
            await other.Sources.ExecuteUpdateAsync(u => u.SetProperty(s => s.LastItemCount, round));
            return clock.Elapsed;
        });
        await Task.Delay(30); // a short write transaction, as a poll's save is
        await transaction.CommitAsync();
        return await waiter;
    }

    [Fact]
    public async Task Every_connection_waits_for_a_locked_database_and_commits_without_an_fsync_each()
    {
        await using var database = await FileTestDatabase.CreateAsync();
        await using var db = database.Open();
        Assert.Equal(5000, await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
        Assert.Equal(1, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync()); // 1 = NORMAL
    }

    [Fact]
    public async Task Connections_reopened_from_the_pool_and_new_native_ones_all_have_the_settings()
    {
        await using var database = await FileTestDatabase.CreateAsync();
        foreach (var factory in new[] { database.Factory, database.Factory, database.Factory, database.OtherInstance(), database.OtherInstance() })
        {
            await using var db = factory.CreateDbContext(); // the pooled factory hands back one native connection; the other opens a new one each time
            Assert.Equal(5000, await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
            Assert.Equal(1, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());
        }
    }
}
