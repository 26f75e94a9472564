using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsBot.Storage;

/// <summary>The embedded default; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteNewsBotDbContext(DbContextOptions<SqliteNewsBotDbContext> options) : NewsBotDbContext(options);

/// <summary>Lets `dotnet ef migrations add X --context SqliteNewsBotDbContext` build the model without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNewsBotDbContext>
{
    public SqliteNewsBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsBotDbContext>().UseSqlite("Data Source=design.db").Options);
}
