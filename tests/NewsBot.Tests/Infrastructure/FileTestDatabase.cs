using Microsoft.Data.Sqlite;
using NewsBot.Storage;

namespace NewsBot.Tests.Infrastructure;

/// <summary>
/// A migrated SQLite database in a temp file, in WAL mode as the host runs it: for tests where
/// several connections write at once (locks, busy waits), which the shared in-memory database
/// (<see cref="TestDatabase"/>) does not model.
/// </summary>
public sealed class FileTestDatabase : IAsyncDisposable
{
    private readonly string _path;

    private FileTestDatabase(string path, NewsBotDbContextFactory factory)
    {
        _path = path;
        Factory = factory;
    }

    public NewsBotDbContextFactory Factory { get; }

    /// <summary>Another factory on the same file with a connection pool of its own, as a second instance has.</summary>
    public NewsBotDbContextFactory OtherInstance() =>
        new(DatabaseProvider.Sqlite, $"Data Source={_path};Pooling=False", Path.GetTempPath());

    public static async Task<FileTestDatabase> CreateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsbot-test-{Guid.NewGuid():N}.db");
        var factory = new NewsBotDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={path}", Path.GetTempPath());
        await factory.MigrateAsync(CancellationToken.None);
        return new FileTestDatabase(path, factory);
    }

    public NewsBotDbContext Open() => Factory.CreateDbContext();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(file);
        return ValueTask.CompletedTask;
    }
}
