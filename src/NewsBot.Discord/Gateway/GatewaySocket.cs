using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NewsBot.Discord.Gateway;

/// <summary>
/// The WebSocket under a gateway connection: whole text messages in, JSON payloads out one at a time
/// (a ClientWebSocket allows one send at a time, and heartbeats race with replies), close frames that never block long.
/// </summary>
internal sealed partial class GatewaySocket(ClientWebSocket socket, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int? CloseStatus => (int?)socket.CloseStatus;
    public string? CloseDescription => socket.CloseStatusDescription;

    /// <summary>Reads one whole message into the buffer; false when the server sent a close frame.</summary>
    public async Task<bool> ReceiveAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return false;
            buffer.Advance(result.Count);
            if (result.EndOfMessage) return true;
        }
    }

    public async Task SendAsync(object payload, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends the close frame without waiting long; errors mean the connection is gone already.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            LogCloseFailed(logger, (int)status, ex.Message);
            return;
        }
        try
        {
            await socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            LogCloseFailed(logger, (int)status, ex.Message);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the connection at once; a pending receive fails.</summary>
    public void Abort() => socket.Abort();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway: close {Code} not sent: {Cause}")]
    private static partial void LogCloseFailed(ILogger logger, int code, string cause);

    /// <summary>Frees the send lock; the socket belongs to whoever opened it.</summary>
    public void Dispose() => _sendLock.Dispose();
}
