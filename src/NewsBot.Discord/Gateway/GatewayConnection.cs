using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NewsBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection to the gateway, from Hello to close (Discord events/gateway.mdx "Connection
/// Lifecycle"). Returns how it ended; the <see cref="DiscordGatewayClient"/> decides where to reconnect.
/// </summary>
internal sealed partial class GatewayConnection(
    GatewaySocket socket,
    GatewaySession session,
    bool resume,
    GatewayConnectionContext context)
{
    /// <summary>Any close code but 1000/1001 keeps the session resumable (events/gateway.mdx "Initiating a Disconnect").</summary>
    private const WebSocketCloseStatus ReconnectClose = (WebSocketCloseStatus)4000;
    private volatile bool _acked = true;
    private volatile bool _zombie;

    public bool GotHello { get; private set; }

    /// <summary>Runs until the connection ends. When <paramref name="stopping"/> fires, closes with 1000 and throws
    /// <see cref="OperationCanceledException"/>: a pending receive is never cancelled directly, because cancelling a
    /// ClientWebSocket operation aborts the socket and the close frame would never go out.</summary>
    public async Task<ConnectionEnd> RunAsync(CancellationToken stopping)
    {
        using var connection = new CancellationTokenSource();
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = stopping.Register(() => shutdown.TrySetResult());
        Task heartbeat = Task.CompletedTask, sessionStart = Task.CompletedTask;
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var receive = socket.ReceiveAsync(buffer, connection.Token);
                if (await Task.WhenAny(receive, shutdown.Task) != receive)
                {
                    await ShutdownAsync(receive, connection);
                    stopping.ThrowIfCancellationRequested();
                }
                if (!await receive)
                    return GatewayCloseCodes.Classify(socket.CloseStatus, socket.CloseDescription);
                using var payload = JsonDocument.Parse(buffer.WrittenMemory);
                var root = payload.RootElement;
                var d = root.TryGetProperty("d", out var data) ? data : default;
                switch (root.TryGetProperty("op", out var op) && op.TryGetInt32(out var code) ? code : -1)
                {
                    case 10 when !GotHello:
                        GotHello = true;
                        var interval = TimeSpan.FromMilliseconds(d.GetProperty("heartbeat_interval").GetDouble());
                        heartbeat = HeartbeatAsync(interval, connection.Token);
                        // Identify may wait for the identify limit; the receive loop keeps taking ACKs meanwhile.
                        sessionStart = StartSessionAsync(connection.Token);
                        break;
                    case 11:
                        _acked = true;
                        break;
                    case 1: // The server asks for a heartbeat now (gateway-events.mdx "Heartbeat").
                        await socket.SendAsync(GatewayPayloads.Heartbeat(session.LastSequence), connection.Token);
                        break;
                    case 0:
                        if (root.TryGetProperty("s", out var s) && s.TryGetInt64(out var sequence)) session.LastSequence = sequence;
                        context.Dispatch(root.GetStringOrNull("t") ?? "", d);
                        break;
                    case 7:
                        await socket.CloseAsync(ReconnectClose, "reconnect requested", connection.Token);
                        return ConnectionEnd.Resume("Discord asked the client to reconnect (op 7)");
                    case 9:
                        await socket.CloseAsync(ReconnectClose, "invalid session", connection.Token);
                        return d.ValueKind == JsonValueKind.True
                            ? ConnectionEnd.Resume("invalid session, resumable (op 9 d=true)")
                            : ConnectionEnd.Identify("invalid session, not resumable (op 9 d=false)");
                }
            }
        }
        catch (Exception ex) when (_zombie && ex is WebSocketException or OperationCanceledException && !stopping.IsCancellationRequested)
        {
            return ConnectionEnd.Resume("no heartbeat ACK between two heartbeats (zombie connection)");
        }
        catch (WebSocketException ex)
        {
            return ConnectionEnd.Resume($"connection lost: {ex.Message}");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException || ex.GetType() == typeof(InvalidOperationException))
        {
            await socket.CloseAsync(ReconnectClose, "decode error", CancellationToken.None);
            return ConnectionEnd.Resume($"unreadable gateway payload: {ex.Message}");
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeat;
            await sessionStart;
        }
    }

    /// <summary>Closing with 1000 ends the session so the bot shows offline at once (events/gateway.mdx
    /// "Initiating a Disconnect"); waits up to 2 s for the server's close reply.</summary>
    private async Task ShutdownAsync(Task<bool> receive, CancellationTokenSource connection)
    {
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down", CancellationToken.None);
        await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(2), context.Time));
        await connection.CancelAsync();
        try
        {
            await receive;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            LogTaskStopped(context.Logger, "shutdown: ", ex);
        }
    }

    private async Task StartSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (resume && session.CanResume)
            {
                LogResuming(context.Logger, session.SessionId!, session.LastSequence);
                await socket.SendAsync(GatewayPayloads.Resume(context.Token, session.SessionId!, session.LastSequence), cancellationToken);
                return;
            }
            session.Forget();
            await context.WaitToIdentify(cancellationToken);
            LogIdentifying(context.Logger);
            await socket.SendAsync(GatewayPayloads.Identify(context.Token), cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended first; the receive loop reports how.
            LogTaskStopped(context.Logger, "identify/resume not sent: ", ex);
        }
    }

    /// <summary>events/gateway.mdx "Sending Heartbeats": first beat after interval × jitter, then every interval;
    /// no ACK between two beats means a zombie connection: close with a non-1000 code and resume.</summary>
    private async Task HeartbeatAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * context.Jitter(), context.Time, cancellationToken);
            while (true)
            {
                if (!_acked)
                {
                    _zombie = true;
                    LogZombie(context.Logger);
                    await socket.CloseAsync(ReconnectClose, "heartbeat ACK missed", cancellationToken);
                    socket.Abort();
                    return;
                }
                _acked = false;
                await socket.SendAsync(GatewayPayloads.Heartbeat(session.LastSequence), cancellationToken);
                await Task.Delay(interval, context.Time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The receive loop reports how the connection ended; the heartbeat only stops with it.
            LogTaskStopped(context.Logger, "", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resuming session {SessionId} at sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, string sessionId, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: identifying (intents 0)")]
    private static partial void LogIdentifying(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK; closing the zombie connection to resume")]
    private static partial void LogZombie(ILogger logger);

    /// <summary>The cause is put together only when debug logging is on: these ends are routine.</summary>
    private static void LogTaskStopped(ILogger logger, string stage, Exception ex)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var cause = stage + ex.GetType().Name;
        LogHeartbeatStopped(logger, cause);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway: connection task stopped ({Cause})")]
    private static partial void LogHeartbeatStopped(ILogger logger, string cause);

}

/// <summary>What a connection needs from the client that owns it.</summary>
internal sealed record GatewayConnectionContext(
    string Token,
    TimeProvider Time,
    Func<double> Jitter,
    Func<CancellationToken, Task> WaitToIdentify,
    Action<string, JsonElement> Dispatch,
    ILogger Logger);
