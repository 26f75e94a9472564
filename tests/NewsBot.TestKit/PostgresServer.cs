using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsBot.TestKit;

/// <summary>
/// A real PostgreSQL server for tests. Uses the server in NEWSBOT_TEST_POSTGRES (a connection
/// string) when set; otherwise starts a throwaway cluster from the machine's binaries (initdb,
/// pg_ctl) in a temp folder on a free port, and removes it afterwards. Each test gets its own database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "NEWSBOT_TEST_POSTGRES";

    private readonly string? _dataDir;
    private readonly string _adminConnectionString;
    private int _databases;

    private PostgresServer(string adminConnectionString, string? dataDir)
    {
        _adminConnectionString = adminConnectionString;
        _dataDir = dataDir;
    }

    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static PostgresServer? _shared;

    /// <summary>One server per test run; started on first use.</summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        await StartGate.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>The server process of a cluster this class started (for CPU measurements), else null.</summary>
    public int? PostmasterPid =>
        _dataDir is not null && File.Exists(Path.Combine(_dataDir, "postmaster.pid"))
            ? int.Parse(File.ReadLines(Path.Combine(_dataDir, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>Starts a throwaway cluster; <paramref name="durable"/> keeps fsync on, as a production server runs (tests turn it off for speed).</summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
            return new PostgresServer(given, null);

        var dataDir = Directory.CreateTempSubdirectory("newsbot-pg-").FullName;
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", "-R", "postgres", dataDir); // initdb refuses to run as root
        await RunPgAsync(asRoot, "initdb", "-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
        await RunPgAsync(asRoot, "pg_ctl", "-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync={(durable ? "on" : "off")} -c max_connections=300", "start");
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", dataDir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"newsbot_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    private void Stop()
    {
        if (_dataDir is null || !Directory.Exists(_dataDir)) return;
        var asRoot = Environment.UserName == "root";
        RunPgAsync(asRoot, "pg_ctl", "-D", _dataDir, "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
        Directory.Delete(_dataDir, recursive: true);
    }

    public ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(this, _shared)) Stop();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunPgAsync(bool asRoot, string tool, params string[] args) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", Tool(tool), .. args]) : RunAsync(Tool(tool), args);

    /// <summary>initdb/pg_ctl from PATH, else from Debian's versioned folder.</summary>
    private static string Tool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists)
            : null;
        return debian ?? throw new InvalidOperationException($"PostgreSQL's {name} was not found on PATH or under /usr/lib/postgresql");
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
