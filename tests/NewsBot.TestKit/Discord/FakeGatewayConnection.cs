using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NewsBot.TestKit.Discord;

/// <summary>One client WebSocket on the fake gateway.</summary>
internal sealed class FakeGatewayConnection(int number, WebSocket socket, HttpContext context) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int Number { get; } = number;
    public WebSocket Socket { get; } = socket;
    public HttpContext Context { get; } = context;
    public FakeGatewaySession? Session { get; set; }

    // The gateway's request handler owns the connection and disposes it when the socket closes.
    public void Dispose() => _sendLock.Dispose();

    public async Task SendAsync(JsonNode payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sendLock.WaitAsync();
        try
        {
            await Socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await Socket.CloseOutputAsync(status, reason, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next text message, or null when the client sent a close frame.</summary>
    public async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            buffer.Advance(result.Count);
            // Discord events/gateway.mdx: client payloads over 4096 bytes are closed with 4002.
            if (buffer.WrittenCount > 4096)
            {
                await CloseAsync((WebSocketCloseStatus)4002, "Decode error.");
                return null;
            }
            if (result.EndOfMessage) return JsonDocument.Parse(buffer.WrittenMemory);
        }
    }
}

/// <summary>A gateway session: its events, numbered, kept for replay on resume.</summary>
internal sealed class FakeGatewaySession(string id)
{
    private readonly List<(long Sequence, string Type, JsonNode Payload)> _events = [];

    public string Id { get; } = id;
    public bool Invalidated { get; set; }
    public FakeGatewayConnection? Connection { get; set; }

    public (long Sequence, JsonNode Payload) Append(string type, JsonNode data)
    {
        lock (_events)
        {
            var sequence = _events.Count + 1L;
            var payload = new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = sequence, ["d"] = data };
            _events.Add((sequence, type, payload));
            return (sequence, payload);
        }
    }

    public IReadOnlyList<(long Sequence, string Type, JsonNode Payload)> EventsAfter(long sequence)
    {
        lock (_events) return _events.Where(e => e.Sequence > sequence && e.Type is not ("READY" or "RESUMED")).ToList();
    }
}
