namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>A SQLite file of one test, removed with its WAL and shared-memory companions afterwards.</summary>
public static class TempDatabase
{
    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
    }
}
