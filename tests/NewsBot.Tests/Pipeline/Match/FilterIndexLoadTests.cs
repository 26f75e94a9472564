using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Match;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// The start-up load of the filter index, where the host (not the filter library) decides the
/// process-wide memory placement: on Linux, a large index on huge pages (fewer TLB misses per match).
/// </summary>
public sealed class FilterIndexLoadTests
{
    [Fact]
    public async Task A_large_load_at_start_on_linux_puts_the_index_on_huge_pages_where_the_kernel_allows_them()
    {
        const string Settings = "/sys/kernel/mm/transparent_hugepage/enabled";
        // Elsewhere (or with huge pages switched off) the index runs on ordinary pages; nothing to see.
        if (!OperatingSystem.IsLinux() || !File.Exists(Settings) || File.ReadAllText(Settings).Contains("[never]", StringComparison.Ordinal)) return;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        await StoreFiltersAsync(db, 100_000, i => $"kw{i} (gaza OR \"talks {i % 997}\") -football");
        var holder = new FilterIndexHolder(Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        var before = AnonHugePagesKb();

        await holder.LoadAsync(db, CancellationToken.None);

        Assert.True(AnonHugePagesKb() > before, $"huge pages {before} kB before the load, {AnonHugePagesKb()} kB after");
        var article = new ArticleText("Gaza talks 5 resume", "kw5 and kw77 in the news.", "Wire", "wire.example");
        Assert.Equal([6L, 78L], holder.Index.Match(article).Select(m => m.FilterId).Order()); // row ids start at 1
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void Huge_pages_are_on_unless_NewsBot_Filters_HugePages_is_false(string? value, bool expected)
    {
        var settings = value is null ? [] : new Dictionary<string, string?> { ["NewsBot:Filters:HugePages"] = value };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddOptions<FilterIndexOptions>().BindConfiguration(FilterIndexOptions.Section);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(expected, provider.GetRequiredService<IOptions<FilterIndexOptions>>().Value.HugePages);
    }

    /// <summary>Filter i belongs to chat i / 10, inserted in one statement each for chats and filters.</summary>
    private static async Task StoreFiltersAsync(NewsBot.Storage.NewsBotDbContext db, int count, Func<int, string> text)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        await using (var chats = connection.CreateCommand())
        {
            chats.CommandText = "INSERT INTO Chats (Id, Platform, ExternalId, Paused, CreatedAt) VALUES ($id, 'console', $id, 0, '2026-01-01 00:00:00')";
            var id = new SqliteParameter("$id", 0L);
            chats.Parameters.Add(id);
            for (var c = 1; c <= count / 10; c++) { id.Value = (long)c; await chats.ExecuteNonQueryAsync(); }
        }
        await using (var filters = connection.CreateCommand())
        {
            filters.CommandText = "INSERT INTO Filters (ChatId, Text, CreatedAt) VALUES ($chat, $text, '2026-01-01 00:00:00')";
            var chat = new SqliteParameter("$chat", 0L);
            var value = new SqliteParameter("$text", "");
            filters.Parameters.Add(chat);
            filters.Parameters.Add(value);
            for (var i = 0; i < count; i++) { chat.Value = (long)(i / 10 + 1); value.Value = text(i); await filters.ExecuteNonQueryAsync(); }
        }
        await transaction.CommitAsync();
    }

    private static long AnonHugePagesKb()
    {
        var line = File.ReadLines("/proc/self/smaps_rollup").Single(l => l.StartsWith("AnonHugePages:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
