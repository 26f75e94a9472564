using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Pipeline.Match;
using NewsBot.Scaling;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>A filter added or removed through one instance reaches the other instances' indexes.</summary>
public sealed class FilterIndexSyncTests
{
    [Fact]
    public async Task Filters_added_and_removed_by_another_instance_reach_this_instances_index()
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var factory = new NewsBotDbContextFactory(DatabaseProvider.Postgres, connectionString, Directory.GetCurrentDirectory());
        await factory.MigrateAsync(CancellationToken.None);
        var holder = new FilterIndexHolder(NullLogger<FilterIndexHolder>.Instance);
        var sync = new FilterIndexSync(factory, holder,
            Topology.From(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }),
            Options.Create(new LeadershipOptions()), TimeProvider.System, NullLogger<FilterIndexSync>.Instance);
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(0, holder.Index.Count);

        // "Another instance" stores two filters for a chat.
        await using (var db = factory.CreateDbContext())
        {
            var chat = new Chat { Platform = "telegram", ExternalId = "42", CreatedAt = DateTime.UtcNow };
            chat.Filters.Add(new ChatFilter { Text = "ceasefire", CreatedAt = DateTime.UtcNow });
            chat.Filters.Add(new ChatFilter { Text = "tariffs AND steel", CreatedAt = DateTime.UtcNow });
            db.Chats.Add(chat);
            await db.SaveChangesAsync();
        }
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(2, holder.Index.Count);

        await using (var db = factory.CreateDbContext())
            await db.Filters.Where(f => f.Text == "ceasefire").ExecuteDeleteAsync();
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(1, holder.Index.Count);
    }
}
