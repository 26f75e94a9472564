using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using Npgsql;

namespace NewsBot.Scaling;

/// <summary>
/// Tells the instances leading a platform that alerts are due now (PostgreSQL <c>NOTIFY</c> on
/// <see cref="Channel"/>). Without it an alert stored by another instance, or a dispatch job run by one,
/// waited for the leader's next <see cref="LeadershipOptions.LeaderDispatchInterval"/> round: that round
/// made the alert p90 2.1 s on two instances. A lost notification only costs that round again.
/// One instance (SQLite) needs none: it leads every platform and runs its own jobs.
/// </summary>
public sealed partial class DispatchWakeup(Topology topology, IOptions<DatabaseOptions> database, ILogger<DispatchWakeup> log)
{
    public const string Channel = "newsbot_dispatch";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<bool> _woken = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private long _lastFailureLogged;

    public bool Enabled => topology.SeveralInstances;

    /// <summary>Wakes every listening instance (this one too). Best effort: a failure is logged at most once a minute.</summary>
    public async Task NotifyAsync(CancellationToken ct)
    {
        if (!Enabled) return;
        try
        {
            // Pooled: the same pool as EF Core's (same connection string), one round trip.
            await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
            await connection.OpenAsync(ct);
            await using var notify = new NpgsqlCommand($"NOTIFY {Channel}", connection);
            await notify.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            if (FirstInAMinute()) LogNotifyFailed(e.Message);
        }
    }

    /// <summary>Completes when a notification came (or at once if one came since the last wait), else after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        if (_woken.Reader.TryRead(out _)) return;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = _woken.Reader.WaitToReadAsync(either.Token).AsTask();
        var elapsed = Task.Delay(timeout, time, either.Token);
        await Task.WhenAny(woken, elapsed);
        await either.CancelAsync();
        ct.ThrowIfCancellationRequested();
        _woken.Reader.TryRead(out _);
    }

    /// <summary>Holds a connection of its own that LISTENs, reconnecting after a failure, until <paramref name="ct"/>.</summary>
    public async Task ListenAsync(CancellationToken ct)
    {
        if (!Enabled) return;
        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            Pooling = false, // held for the instance's life; a pooled one would be a slot taken from EF Core
            KeepAlive = 30,
            ApplicationName = "newsbot-dispatch-listener",
        }.ConnectionString;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, _) => _woken.Writer.TryWrite(true);
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                _woken.Writer.TryWrite(true); // anything stored while not listening is looked for now
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or TimeoutException or InvalidOperationException)
            {
                if (FirstInAMinute()) LogListenFailed(e.Message, ReconnectDelay.TotalSeconds);
                try
                {
                    await Task.Delay(ReconnectDelay, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private bool FirstInAMinute()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastFailureLogged);
        return (last == 0 || now - last > 60_000) && Interlocked.CompareExchange(ref _lastFailureLogged, now, last) == last;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake the leading instances ({Error}); they look for due alerts at their next round")]
    private partial void LogNotifyFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for dispatch wake-ups failed ({Error}); trying again in {Seconds} s, due alerts are looked for every round meanwhile")]
    private partial void LogListenFailed(string error, double seconds);
}
