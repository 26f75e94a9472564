using Microsoft.Data.Sqlite;
using NewsBot.Storage;

namespace NewsBot.Tests.Infrastructure;

/// <summary>
/// A migrated SQLite database that lives in memory for one test: the real schema and SQL, no file.
/// The database exists while <see cref="_keepAlive"/> is open (shared cache), so every context the
/// factory makes sees the same data.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _keepAlive;

    private TestDatabase(NewsBotDbContextFactory factory, SqliteConnection keepAlive)
    {
        Factory = factory;
        _keepAlive = keepAlive;
    }

    public NewsBotDbContextFactory Factory { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var connectionString = $"Data Source=newsbot-test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();
        var factory = new NewsBotDbContextFactory(DatabaseProvider.Sqlite, connectionString, Path.GetTempPath());
        await factory.MigrateAsync(CancellationToken.None);
        return new TestDatabase(factory, keepAlive);
    }

    public NewsBotDbContext Open() => Factory.CreateDbContext();

    public async ValueTask DisposeAsync() => await _keepAlive.DisposeAsync();
}
