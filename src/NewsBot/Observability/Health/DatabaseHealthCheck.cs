using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsBot.Storage;

namespace NewsBot.Observability.Health;

/// <summary>Ready only when the database answers a query on our own schema (reachable and migrated).</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<NewsBotDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A single-row read by primary key: cheap on any size of table, and fails if the schema is missing.
        await db.Sources.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        return HealthCheckResult.Healthy($"{db.Database.ProviderName?.Split('.').Last()} answered");
    }
}
