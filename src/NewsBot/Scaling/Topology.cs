using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Storage;

namespace NewsBot.Scaling;

/// <summary>
/// Whether this instance may share its work with others, decided once from configuration: SQLite is
/// one process by design (jobs in memory, claims found at start are its own dead ones); PostgreSQL
/// may have several instances (shared job storage, bot leases, filter changes pulled from the database).
/// Everything that behaves differently between the two asks this, never the database provider.
/// </summary>
public sealed class Topology(IOptions<DatabaseOptions> database)
{
    public bool SeveralInstances { get; } = database.Value.Provider == DatabaseProvider.Postgres;

    public static Topology From(DatabaseOptions database) => new(Options.Create(database));
}
