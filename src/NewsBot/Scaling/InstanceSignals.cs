using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using Npgsql;

namespace NewsBot.Scaling;

/// <summary>What one instance tells the others at once, instead of letting them find it at their next round.</summary>
public enum InstanceSignal
{
    /// <summary>Alerts are due now: the instances leading a platform send them (<see cref="LeaderDispatchLoop"/>).</summary>
    Dispatch,

    /// <summary>A poll started stories whose alerts wait to settle: the others read them now (<see cref="Pipeline.Match.StoryIndexSync"/>).</summary>
    Stories,
}

/// <summary>
/// PostgreSQL <c>NOTIFY</c>/<c>LISTEN</c> between instances, one channel per <see cref="InstanceSignal"/>. Without it an
/// alert stored by one instance waited for the leader's next dispatch round, and a new story's alerts waited three
/// story-sync rounds so that another instance starting the same story could merge first: the alert p90 was 3.7 s
/// on two instances. A lost notification costs only that round again. One instance (SQLite) sends and hears nothing.
/// </summary>
public sealed partial class InstanceSignals(Topology topology, IOptions<DatabaseOptions> database, TimeProvider time, ILogger<InstanceSignals> log)
    : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(5);

    /// <summary>Tells this instance's own notifications apart from the others'.</summary>
    private readonly string _self = Guid.NewGuid().ToString("N");

    private readonly Channel<bool>[] _heard = [NewSignal(), NewSignal()];

    private long _lastFailureLogged;

    public bool Enabled => topology.SeveralInstances;

    private static Channel<bool> NewSignal() =>
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private static string ChannelOf(InstanceSignal signal) => signal == InstanceSignal.Dispatch ? "newsbot_dispatch" : "newsbot_stories";

    /// <summary>Tells every instance, this one too. Best effort: a failure is logged at most once a minute.</summary>
    public async Task NotifyAsync(InstanceSignal signal, CancellationToken ct)
    {
        if (!Enabled) return;
        try
        {
            // Pooled: the same pool as EF Core's (same connection string), one round trip.
            await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
            await connection.OpenAsync(ct);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @from)", connection);
            notify.Parameters.AddWithValue("channel", ChannelOf(signal));
            notify.Parameters.AddWithValue("from", _self);
            await notify.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            if (FirstInAMinute()) LogNotifyFailed(e.Message);
        }
    }

    /// <summary>Notifies after <paramref name="delay"/>, without holding the caller; lost if the process stops first.</summary>
    public void NotifyAfter(InstanceSignal signal, TimeSpan delay)
    {
        if (!Enabled) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay, time);
            await NotifyAsync(signal, CancellationToken.None);
        });
    }

    /// <summary>
    /// Completes when <paramref name="signal"/> was heard since the last wait (at once if it was), else after
    /// <paramref name="timeout"/> on <see cref="TimeProvider"/>'s clock.
    /// </summary>
    public async Task WaitAsync(InstanceSignal signal, TimeSpan timeout, CancellationToken ct)
    {
        var heard = _heard[(int)signal].Reader;
        if (heard.TryRead(out _)) return;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = heard.WaitToReadAsync(either.Token).AsTask();
        var elapsed = Task.Delay(timeout, time, either.Token);
        await Task.WhenAny(woken, elapsed);
        await either.CancelAsync();
        ct.ThrowIfCancellationRequested();
        heard.TryRead(out _);
    }

    /// <summary>Holds a connection of its own that LISTENs on every channel, reconnecting after a failure.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            Pooling = false, // held for the instance's life; a pooled one would be a slot taken from EF Core
            KeepAlive = 30,
            ApplicationName = "newsbot-signals",
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => Heard(e.Channel, e.Payload);
                await connection.OpenAsync(stoppingToken);
                foreach (var signal in Enum.GetValues<InstanceSignal>())
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {ChannelOf(signal)}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                foreach (var heard in _heard) heard.Writer.TryWrite(true); // whatever came while not listening is looked for now
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                if (FirstInAMinute()) LogListenFailed(e.Message, ReconnectDelay.TotalSeconds);
                try
                {
                    await Task.Delay(ReconnectDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Heard(string channel, string from)
    {
        foreach (var signal in Enum.GetValues<InstanceSignal>())
            // Its own story notice tells an instance nothing; its own dispatch notice wakes its leader loop.
            if (channel == ChannelOf(signal) && (signal == InstanceSignal.Dispatch || from != _self))
                _heard[(int)signal].Writer.TryWrite(true);
    }

    private bool FirstInAMinute()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastFailureLogged);
        return (last == 0 || now - last > 60_000) && Interlocked.CompareExchange(ref _lastFailureLogged, now, last) == last;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not signal the other instances ({Error}); they look at their next round")]
    private partial void LogNotifyFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening to the other instances failed ({Error}); trying again in {Seconds} s, every loop looks at its own rounds meanwhile")]
    private partial void LogListenFailed(string error, double seconds);
}
