using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NewsBot.TestKit.Discord;

/// <summary>
/// The fake gateway (Discord events/gateway.mdx): Hello, heartbeat ACKs, Identify → READY, Resume → replay of
/// missed events + RESUMED (or op 9 when the session is gone), close 4004 for a bad token. Test controls act
/// on the newest connection: op 7, op 9, op 1, a TCP drop, a close code, withholding ACKs, pushing events.
/// </summary>
public sealed class FakeDiscordGateway(FakeDiscordServer server) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, FakeGatewaySession> _sessions = new();
    private FakeGatewayConnection? _current;
    private FakeGatewaySession? _currentSession;
    private int _connections;

    public GatewayLog Log { get; } = new();

    /// <summary>When false, heartbeats get no op 11, so the client must detect a zombie connection.</summary>
    public bool AckHeartbeats { get; set; } = true;

    private FakeGatewayConnection Current => _current ?? throw new InvalidOperationException("fake Discord gateway: no client connected");

    public Task SendReconnectAsync() => Current.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    public Task RequestHeartbeatAsync() => Current.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    public Task SendInvalidSessionAsync(bool resumable)
    {
        if (!resumable && _currentSession is { } session) session.Invalidated = true;
        return Current.SendAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });
    }

    /// <summary>The session times out on the server side: the next resume gets op 9 d=false.</summary>
    public void ExpireSession()
    {
        if (_currentSession is { } session) session.Invalidated = true;
    }

    /// <summary>Kills the TCP connection without a close frame.</summary>
    public void DropConnection() => Current.Context.Abort();

    public Task CloseAsync(int code, string reason) => Current.CloseAsync((WebSocketCloseStatus)code, reason);

    /// <summary>Sends INTERACTION_CREATE for a user's slash command; the 3 s deadline starts now.</summary>
    public async Task<FakeInteractionRecord> PushInteractionAsync(FakeInteraction interaction)
    {
        var record = server.Interactions.Create();
        await DispatchAsync("INTERACTION_CREATE", interaction.ToPayload(record.Id, record.Token, server.Options.ApplicationId));
        return record;
    }

    /// <summary>Dispatches an event on the current session; it is kept for replay if the client is away.</summary>
    public async Task DispatchAsync(string type, JsonNode data)
    {
        var session = _currentSession ?? throw new InvalidOperationException("fake Discord gateway: no session (no READY yet)");
        await DispatchAsync(session, type, data, replay: false);
    }

    internal async Task AcceptAsync(HttpContext ctx)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeGatewayConnection(Interlocked.Increment(ref _connections), socket, ctx);
        _current = connection;
        Log.Add(new GatewayConnected(Now, connection.Number, ctx.Request.Path, ctx.Request.QueryString.Value ?? ""));
        try
        {
            if (ctx.Request.Query["v"] != "10" || ctx.Request.Query["encoding"] != "json")
            {
                await connection.CloseAsync((WebSocketCloseStatus)4012, "Invalid API version");
                return;
            }
            await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = server.Options.HeartbeatIntervalMs } });
            await ReceiveLoopAsync(connection);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            // A dropped connection: no close code, the session stays resumable.
            Log.Add(new GatewayClientClosed(Now, connection.Number, null));
        }
    }

    private async Task ReceiveLoopAsync(FakeGatewayConnection connection)
    {
        while (await connection.ReceiveAsync(_stopping.Token) is { } message)
        {
            var root = message.RootElement;
            var d = root.TryGetProperty("d", out var data) ? data : default;
            switch (root.GetProperty("op").GetInt32())
            {
                case 1:
                    Log.Add(new GatewayHeartbeat(Now, connection.Number, d.ValueKind == JsonValueKind.Number ? d.GetInt64() : null));
                    if (AckHeartbeats) await connection.SendAsync(new JsonObject { ["op"] = 11 });
                    break;
                case 2:
                    await IdentifyAsync(connection, d);
                    break;
                case 6:
                    await ResumeAsync(connection, d);
                    break;
                default:
                    await connection.CloseAsync((WebSocketCloseStatus)4001, "Unknown opcode.");
                    break;
            }
        }
        var code = (int?)connection.Socket.CloseStatus;
        Log.Add(new GatewayClientClosed(Now, connection.Number, code));
        // Discord events/gateway.mdx: closing with 1000 or 1001 ends the session.
        if (code is 1000 or 1001 && connection.Session is { } ended) ended.Invalidated = true;
        await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "");
    }

    private async Task IdentifyAsync(FakeGatewayConnection connection, JsonElement d)
    {
        var token = d.GetProperty("token").GetString() ?? "";
        var intents = d.GetProperty("intents").GetInt64();
        if (connection.Session is not null)
        {
            await connection.CloseAsync((WebSocketCloseStatus)4005, "Already authenticated.");
            return;
        }
        if (token != server.Options.BotToken)
        {
            await connection.CloseAsync((WebSocketCloseStatus)4004, "Authentication failed.");
            return;
        }
        const long privileged = (1 << 1) | (1 << 8) | (1 << 15);
        if ((intents & privileged) != 0)
        {
            await connection.CloseAsync((WebSocketCloseStatus)4014, "Disallowed intent(s).");
            return;
        }
        var session = new FakeGatewaySession("fake-session-" + connection.Number) { Connection = connection };
        lock (_sessions) _sessions[session.Id] = session;
        connection.Session = session;
        _currentSession = session;
        Log.Add(new GatewayIdentified(Now, connection.Number, token, intents, session.Id));
        await DispatchAsync(session, "READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = server.Options.BotUserId, ["username"] = "newsbot", ["discriminator"] = "0", ["bot"] = true },
            ["guilds"] = new JsonArray(),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = server.ResumeGatewayUrl,
            ["shard"] = new JsonArray(0, 1),
            ["application"] = new JsonObject { ["id"] = server.Options.ApplicationId, ["flags"] = 0 },
        }, replay: false);
    }

    private async Task ResumeAsync(FakeGatewayConnection connection, JsonElement d)
    {
        var sessionId = d.GetProperty("session_id").GetString() ?? "";
        long? seq = d.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        if (d.GetProperty("token").GetString() != server.Options.BotToken)
        {
            await connection.CloseAsync((WebSocketCloseStatus)4004, "Authentication failed.");
            return;
        }
        FakeGatewaySession? session;
        lock (_sessions) _sessions.TryGetValue(sessionId, out session);
        var accepted = session is { Invalidated: false };
        Log.Add(new GatewayResumeRequested(Now, connection.Number, sessionId, seq, accepted));
        if (!accepted)
        {
            await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            return;
        }
        session!.Connection = connection;
        connection.Session = session;
        _currentSession = session;
        foreach (var missed in session.EventsAfter(seq ?? 0))
        {
            await connection.SendAsync(missed.Payload.DeepClone());
            Log.Add(new GatewayDispatched(Now, connection.Number, missed.Type, missed.Sequence, Replay: true));
        }
        await DispatchAsync(session, "RESUMED", new JsonObject(), replay: false);
    }

    private async Task DispatchAsync(FakeGatewaySession session, string type, JsonNode data, bool replay)
    {
        var (sequence, payload) = session.Append(type, data);
        var connection = session.Connection;
        if (connection is null) return;
        try
        {
            await connection.SendAsync(payload.DeepClone());
            Log.Add(new GatewayDispatched(Now, connection.Number, type, sequence, replay));
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The client is away; the event waits in the session for a resume.
            session.Connection = null;
        }
    }

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
