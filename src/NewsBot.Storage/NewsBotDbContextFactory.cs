using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NewsBot.Storage;

/// <summary>
/// Creates the provider's context (each provider has its own migration set) behind the common
/// <see cref="NewsBotDbContext"/> type the rest of the app uses.
/// </summary>
public sealed class NewsBotDbContextFactory : IDbContextFactory<NewsBotDbContext>
{
    private readonly DatabaseProvider _provider;

    public DatabaseProvider Provider => _provider;
    private readonly DbContextOptions<SqliteNewsBotDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresNewsBotDbContext>? _postgres;
    private readonly string? _sqliteFile;
    private readonly string _connectionString;

    /// <summary>The advisory lock key instances take while they migrate and seed ("NewsBot" + 1).</summary>
    private const long StartupLockKey = 0x4E657773426F7401;

    public NewsBotDbContextFactory(DatabaseProvider provider, string connectionString, string contentRoot)
    {
        _provider = provider;
        _connectionString = connectionString;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlitePath(connectionString, contentRoot);
                var parsed = new SqliteConnectionStringBuilder(sqlite);
                _sqliteFile = parsed.DataSource is { Length: > 0 } && parsed.DataSource != ":memory:" && parsed.Mode != SqliteOpenMode.Memory
                    ? parsed.DataSource : null;
                _sqlite = new DbContextOptionsBuilder<SqliteNewsBotDbContext>().UseSqlite(sqlite)
                    .AddInterceptors(SqliteConnectionSettings.Instance).Options;
                break;
            case DatabaseProvider.Postgres:
                _postgres = new DbContextOptionsBuilder<PostgresNewsBotDbContext>()
                    .UseNpgsql(connectionString)
                    .Options;
                break;
            default:
                throw new NotSupportedException($"NewsBot:Database:Provider={provider} is not supported; use Sqlite or Postgres");
        }
    }

    public NewsBotDbContext CreateDbContext() => _provider switch
    {
        DatabaseProvider.Sqlite => new SqliteNewsBotDbContext(_sqlite!),
        DatabaseProvider.Postgres => new PostgresNewsBotDbContext(_postgres!),
        _ => throw new NotSupportedException($"database provider {_provider}"),
    };

    /// <summary>Applies this provider's migrations; SQLite also switches to WAL so readers do not block the writer.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        // The SQLite file's folder is made here, not when the factory is built: a command that
        // never opens the database (preview) must leave no trace on disk.
        if (_sqliteFile is not null) Directory.CreateDirectory(Path.GetDirectoryName(_sqliteFile)!);
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync(ct);
        if (_provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Holds the start-up lock until disposed, so instances started together on one PostgreSQL database
    /// migrate and seed one after another (otherwise two run the same migration and one crashes with
    /// "column already exists"). A session-level advisory lock on its own unpooled connection: the
    /// server frees it when the connection closes, also when the process dies. SQLite has one instance.
    /// </summary>
    public async Task<IAsyncDisposable> LockForStartupAsync(CancellationToken ct)
    {
        if (_provider != DatabaseProvider.Postgres) return NoLock.Instance;
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", StartupLockKey);
            await take.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created if missing.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(file, contentRoot);
        }
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}
