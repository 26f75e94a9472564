using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Configuration;
using NewsBot.Core.Filters;
using NewsBot.IntegrationTests.Infrastructure;
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
        var (factory, holder, sync) = await StartAsync();
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(0, holder.Index.Count);

        // "Another instance" stores two filters for a chat.
        await AddChatAsync(factory, "42", "ceasefire", "tariffs AND steel");
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(2, holder.Index.Count);

        await using (var db = factory.CreateDbContext())
            await db.Filters.Where(f => f.Text == "ceasefire").ExecuteDeleteAsync();
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(1, holder.Index.Count);
    }

    [Fact]
    public async Task A_chat_deleted_with_its_filters_leaves_the_index_and_other_chats_stay()
    {
        var (factory, holder, sync) = await StartAsync();
        await AddChatAsync(factory, "1", "ceasefire", "tariffs");
        await AddChatAsync(factory, "2", "ceasefire");
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(3, holder.Index.Count);

        // /stop and the admin console delete the chat; its filters go by cascade.
        await using (var db = factory.CreateDbContext())
            await db.Chats.Where(c => c.ExternalId == "1").ExecuteDeleteAsync();
        await sync.SyncAsync(CancellationToken.None);

        Assert.Equal(1, holder.Index.Count);
        Assert.Equal(["2"], await MatchingChatsAsync(factory, holder, "Ceasefire talks resume"));
        Assert.Empty(await MatchingChatsAsync(factory, holder, "Tariffs rise"));
    }

    [Fact]
    public async Task Removals_and_additions_in_the_same_round_are_both_applied()
    {
        var (factory, holder, sync) = await StartAsync();
        await AddChatAsync(factory, "1", "ceasefire", "tariffs", "storm");
        await sync.SyncAsync(CancellationToken.None);

        await using (var db = factory.CreateDbContext())
            await db.Filters.Where(f => f.Text == "tariffs").ExecuteDeleteAsync();
        await AddChatAsync(factory, "2", "election");
        await sync.SyncAsync(CancellationToken.None);

        Assert.Equal(3, holder.Index.Count);
        Assert.Empty(await MatchingChatsAsync(factory, holder, "Tariffs rise"));
        Assert.Equal(["2"], await MatchingChatsAsync(factory, holder, "Election called"));
    }

    [Fact]
    public async Task A_filter_committed_late_with_a_lower_id_is_still_picked_up()
    {
        var (factory, holder, sync) = await StartAsync();
        var chatId = await AddChatAsync(factory, "1", "ceasefire");
        await using (var db = factory.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Filters" ("Id", "ChatId", "Text", "CreatedAt") VALUES (100, {chatId}, 'tariffs', now())""");
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(2, holder.Index.Count);

        // Another instance's transaction took id 50 before id 100 was handed out, and committed after this round.
        await using (var db = factory.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Filters" ("Id", "ChatId", "Text", "CreatedAt") VALUES (50, {chatId}, 'storm', now())""");
        await sync.SyncAsync(CancellationToken.None);

        Assert.Equal(3, holder.Index.Count);
        Assert.Equal(["1"], await MatchingChatsAsync(factory, holder, "Storm warning"));
    }

    [Fact]
    public async Task A_round_without_changes_changes_nothing()
    {
        var (factory, holder, sync) = await StartAsync();
        await AddChatAsync(factory, "1", "ceasefire", "tariffs");
        await sync.SyncAsync(CancellationToken.None);
        await sync.SyncAsync(CancellationToken.None);
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(2, holder.Index.Count);
        Assert.Equal(["1"], await MatchingChatsAsync(factory, holder, "Ceasefire talks resume"));
    }

    [Fact]
    public async Task The_running_sync_pulls_changes_each_interval_of_the_hosts_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var (factory, holder, sync) = await StartAsync(time);
        await sync.StartAsync(CancellationToken.None);
        try
        {
            await AddChatAsync(factory, "1", "ceasefire");
            time.Advance(new LeadershipOptions().FilterSyncInterval);
            await Eventually.TrueAsync(() => holder.Index.Count == 1, TimeSpan.FromSeconds(20), "the first round adds the filter");

            await AddChatAsync(factory, "2", "tariffs");
            Assert.Equal(1, holder.Index.Count); // nothing runs between rounds
            time.Advance(new LeadershipOptions().FilterSyncInterval);
            await Eventually.TrueAsync(() => holder.Index.Count == 2, TimeSpan.FromSeconds(20), "the next round adds the new filter");
        }
        finally
        {
            await sync.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<(NewsBotDbContextFactory, FilterIndexHolder, FilterIndexSync)> StartAsync(TimeProvider? time = null)
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var factory = new NewsBotDbContextFactory(DatabaseProvider.Postgres, connectionString, Directory.GetCurrentDirectory());
        await factory.MigrateAsync(CancellationToken.None);
        var holder = new FilterIndexHolder(Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        var sync = new FilterIndexSync(factory, holder,
            Topology.From(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }),
            Options.Create(new LeadershipOptions()), time ?? TimeProvider.System, NullLogger<FilterIndexSync>.Instance);
        return (factory, holder, sync);
    }

    /// <summary>"Another instance" stores a chat with filters.</summary>
    private static async Task<long> AddChatAsync(NewsBotDbContextFactory factory, string externalId, params string[] filters)
    {
        await using var db = factory.CreateDbContext();
        var chat = new Chat { Platform = "telegram", ExternalId = externalId, CreatedAt = DateTime.UtcNow };
        foreach (var text in filters) chat.Filters.Add(new ChatFilter { Text = text, CreatedAt = DateTime.UtcNow });
        db.Chats.Add(chat);
        await db.SaveChangesAsync();
        return chat.Id;
    }

    private static async Task<string[]> MatchingChatsAsync(NewsBotDbContextFactory factory, FilterIndexHolder holder, string title)
    {
        var chatIds = holder.Index.Match(new ArticleText(title, "", "Wire", "wire.example")).Select(m => m.ChatId).Distinct().ToList();
        await using var db = factory.CreateDbContext();
        return await db.Chats.Where(c => chatIds.Contains(c.Id)).OrderBy(c => c.ExternalId).Select(c => c.ExternalId).ToArrayAsync();
    }
}
