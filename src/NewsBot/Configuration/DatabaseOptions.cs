using NewsBot.Storage;

namespace NewsBot.Configuration;


/// <summary>NewsBot:Database — where the truth lives.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "NewsBot:Database";

    /// <summary>Sqlite (embedded default) or Postgres (production, several instances).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Default: the SQLite file data/newsbot.db under the content root, created if missing.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/newsbot.db";
}
