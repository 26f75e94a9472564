using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsBot.Storage;

/// <summary>
/// Settings SQLite keeps per native connection, applied the first time EF opens each one. EF opens
/// and closes a connection around every query, and Microsoft.Data.Sqlite's pool hands back the same
/// native connection with its settings kept, so they are set once per native connection, not per query.
/// <list type="bullet">
/// <item><c>busy_timeout</c>: a writer that finds the database locked waits inside SQLite, which
/// retries within milliseconds of the lock being freed. Without it Microsoft.Data.Sqlite sleeps
/// 150 ms per collision, and concurrent polls spend most of their time asleep.</item>
/// <item><c>synchronous=NORMAL</c>: in WAL mode (set by <see cref="NewsBotDbContextFactory.MigrateAsync"/>)
/// a commit is then not fsynced until the next checkpoint. A crash of the process loses nothing (the
/// WAL is in the operating system's hands); only a power loss may undo the last commits, and the
/// database stays consistent either way (sqlite.org/pragma.html#pragma_synchronous). One fsync per
/// commit is what would otherwise cap the poll rate.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    /// <summary>How long a write waits for another connection's write transaction before failing with "database is locked".</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private static readonly string Pragmas = $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=NORMAL;";

    /// <summary>Stateless, so one instance serves every context.</summary>
    public static readonly SqliteConnectionSettings Instance = new();

    private SqliteConnectionSettings() { }

    /// <summary>Native connections already set; an entry goes when its connection is closed for good and collected.</summary>
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSettings(connection, out var native)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(native);
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSettings(connection, out var native)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(native);
    }

    private static bool NeedsSettings(DbConnection connection, out object? native)
    {
        native = (connection as SqliteConnection)?.Handle;
        return native is null || !Configured.TryGetValue(native, out _);
    }

    private static void Remember(object? native)
    {
        if (native is not null) Configured.AddOrUpdate(native, native);
    }
}
