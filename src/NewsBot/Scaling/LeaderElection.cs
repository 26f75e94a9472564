using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Core.Platforms;
using Npgsql;

namespace NewsBot.Scaling;

/// <summary>
/// One active instance per bot account. Telegram allows one getUpdates poller per token (a second
/// one gets 409 Conflict) and both platforms count rate limits per bot, not per process, so the
/// gateway/long polling and the sending for a platform run only on the instance that holds that
/// platform's lease. On PostgreSQL the lease is a session-level <c>pg_try_advisory_lock</c> on a
/// dedicated connection: the server drops it the moment that connection dies (also on SIGKILL,
/// when the kernel closes the socket), so no expiry has to pass before another instance takes over;
/// the others retry every <see cref="LeadershipOptions.RetryInterval"/>. On SQLite there is one
/// instance by design and it always leads.
/// </summary>
public sealed partial class LeaderElection(
    Topology topology,
    IOptions<DatabaseOptions> database,
    IOptions<LeadershipOptions> options,
    TimeProvider time,
    ILogger<LeaderElection> log,
    IEnumerable<IChatPlatform> platforms) : IBotLeases
{
    /// <summary>
    /// The platforms that say they need the leader (<see cref="PlatformCapabilities.NeedsLeader"/>) are
    /// leader-only from the start, so no dispatch job sends to them before this instance has won their lease.
    /// </summary>
    private readonly ConcurrentDictionary<string, bool> _leading = new(
        platforms.Where(p => p.Capabilities.NeedsLeader).Select(p => KeyValuePair.Create(p.Name, false)), StringComparer.Ordinal);

    /// <summary>
    /// Whether this instance may send to the platform now: always on one instance (even before its bot
    /// service has started) and for platforms that need no leader, like the console.
    /// </summary>
    public bool MaySend(string platform) =>
        !topology.SeveralInstances || !_leading.TryGetValue(platform, out var leads) || leads;

    public bool IsLeader(string platform) => _leading.TryGetValue(platform, out var leads) && leads;

    /// <summary>
    /// Waits for the lease of (<paramref name="platform"/>, <paramref name="account"/>), runs
    /// <paramref name="work"/> while holding it, and cancels the work when the lease is lost. The
    /// account (a bot token) only feeds the lock key's hash; it is never logged.
    /// </summary>
    public async Task RunAsLeaderAsync(string platform, string account, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        _leading.TryAdd(platform, false);
        if (!topology.SeveralInstances)
        {
            _leading[platform] = true;
            await work(stoppingToken);
            return;
        }
        var key = LockKey(platform, account);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await TryAcquireAsync(key, stoppingToken);
                if (connection is not null)
                {
                    // After the lease is lost or the work ended on its own, pause before trying again.
                    await LeadAsync(platform, connection, work, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogLeaseError(platform, e.Message);
            }
            await Delay(options.Value.RetryInterval, stoppingToken);
        }
    }

    private async Task LeadAsync(string platform, NpgsqlConnection connection, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _leading[platform] = true;
        LogLeading(platform);
        var running = work(lost.Token);
        try
        {
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(options.Value.RetryInterval, time, stoppingToken));
                if (running.IsCompleted || stoppingToken.IsCancellationRequested) break;
                if (await StillHeldAsync(connection, stoppingToken)) continue;
                LogLost(platform);
                break;
            }
        }
        finally
        {
            _leading[platform] = false;
            await lost.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested)
            {
                // the work stops because we asked it to
            }
        }
    }

    /// <summary>A dedicated, unpooled connection: closing it must really end the session (and the lock).</summary>
    private async Task<NpgsqlConnection?> TryAcquireAsync(long key, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            Pooling = false,
            // A leader cut off by the network stops believing it leads after one failed check; TCP
            // keepalives let the server end its session (and free the lock) instead of waiting for hours.
            KeepAlive = 5,
            TcpKeepAlive = true,
            ApplicationName = "newsbot-leader",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(ct) is true) return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private static async Task<bool> StillHeldAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 5 };
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Advisory locks take a bigint; the first 8 bytes of a SHA-256 keep different bots (and other apps) apart.</summary>
    public static long LockKey(string platform, string account) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"newsbot-leader:{platform}:{account}")), 0);

    private async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Leading {Platform}: this instance runs its intake and sends its alerts")]
    private partial void LogLeading(string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the {Platform} lease (database connection gone); another instance takes over")]
    private partial void LogLost(string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} lease check failed: {Cause}; retrying")]
    private partial void LogLeaseError(string platform, string cause);
}
