using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsBot.Storage;

/// <summary>The production database for one or many instances; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresNewsBotDbContext(DbContextOptions<PostgresNewsBotDbContext> options) : NewsBotDbContext(options);

/// <summary>Lets `dotnet ef migrations add X --context PostgresNewsBotDbContext` build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNewsBotDbContext>
{
    public PostgresNewsBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNewsBotDbContext>().UseNpgsql("Host=localhost;Database=newsbot_design").Options);
}
