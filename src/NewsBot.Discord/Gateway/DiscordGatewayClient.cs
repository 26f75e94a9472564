using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Gateway;

public enum DiscordGatewayState { Stopped, Connecting, Ready, Faulted }

/// <summary>READY: the session is open; <see cref="ApplicationId"/> is needed for the command routes.</summary>
public sealed record DiscordReady(string SessionId, string ApplicationId, string? UserId);

/// <summary>
/// The gateway half of our Discord API v10 client (events/gateway.mdx): connects, identifies with intents 0,
/// keeps the session alive and resumes it after reconnects, and hands INTERACTION_CREATE payloads to
/// <see cref="InteractionReceived"/>. <see cref="RunAsync"/> returns when cancelled or when Discord closes with a
/// fatal code; then <see cref="State"/> is <see cref="DiscordGatewayState.Faulted"/> and <see cref="FaultReason"/> says why.
/// </summary>
public sealed partial class DiscordGatewayClient
{
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromMinutes(1);
    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly GatewaySession _session = new();
    private readonly IdentifyLimiter _identifyLimiter;
    private readonly BackgroundWork _background;
    private SessionStartLimit? _startLimit;

    public DiscordGatewayClient(DiscordOptions options, DiscordRestClient rest, TimeProvider? time = null, Random? jitter = null,
        ILogger<DiscordGatewayClient>? logger = null)
    {
        _options = options;
        _rest = rest;
        _time = time ?? TimeProvider.System;
        _random = jitter ?? Random.Shared;
        _logger = logger ?? NullLogger<DiscordGatewayClient>.Instance;
        _identifyLimiter = new IdentifyLimiter(options.IdentifyWindow, _time);
        _background = new BackgroundWork(_logger);
    }

    /// <summary>Receives each INTERACTION_CREATE "d" object; runs off the receive loop.</summary>
    public Func<JsonElement, CancellationToken, Task>? InteractionReceived { get; set; }

    /// <summary>Called after each READY (a new session), e.g. to register slash commands.</summary>
    public Func<DiscordReady, CancellationToken, Task>? Ready { get; set; }

    public DiscordGatewayState State { get; private set; }

    public string? FaultReason { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var resume = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                State = DiscordGatewayState.Connecting;
                resume &= _session.CanResume;
                var end = await ConnectOnceAsync(resume, cancellationToken);
                if (end.Next == NextStep.Fatal)
                {
                    FaultReason = end.Reason;
                    State = DiscordGatewayState.Faulted;
                    LogFatal(_logger, end.Reason);
                    return;
                }
                if (end.Next == NextStep.Identify) _session.Forget();
                resume = end.Next == NextStep.Resume;
                failures = end.ConnectFailed ? failures + 1 : 0;
                var delay = failures == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxReconnectDelay.TotalSeconds, Math.Pow(2, failures - 1)));
                LogReconnecting(_logger, end.Reason, resume ? "resume" : "identify", delay.TotalSeconds);
                if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopping(_logger);
        }
        finally
        {
            await _background.DrainAsync();
            if (State != DiscordGatewayState.Faulted) State = DiscordGatewayState.Stopped;
        }
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(bool resume, CancellationToken cancellationToken)
    {
        Uri url;
        try
        {
            url = resume ? _session.ResumeUrl! : await GatewayUrlAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            // 401 from /gateway/bot is the same bad token that 4004 reports; say so instead of retrying forever.
            if (ex is DiscordApiException { Status: System.Net.HttpStatusCode.Unauthorized })
                return new ConnectionEnd(NextStep.Fatal, "Discord gateway: GET /gateway/bot answered 401 — check NewsBot:Discord:BotToken");
            return new ConnectionEnd(NextStep.Identify, $"could not get the gateway URL: {ex.Message}", ConnectFailed: true);
        }
        using var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(WithVersion(url), cancellationToken);
        }
        catch (WebSocketException ex)
        {
            return new ConnectionEnd(resume ? NextStep.Resume : NextStep.Identify, $"could not connect to {url.Host}: {ex.Message}", ConnectFailed: true);
        }
        using var gatewaySocket = new GatewaySocket(socket, _logger);
        var connection = new GatewayConnection(gatewaySocket, _session, resume, new GatewayConnectionContext(
            _options.BotToken, _time, _random.NextDouble, WaitToIdentifyAsync, (type, data) => Dispatch(type, data, cancellationToken), _logger));
        var end = await connection.RunAsync(cancellationToken);
        return connection.GotHello || end.Next == NextStep.Fatal ? end : end with { ConnectFailed = true };
    }

    private async Task<Uri> GatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.GatewayUrl)) return new Uri(_options.GatewayUrl);
        var info = await _rest.GetGatewayBotAsync(cancellationToken);
        _startLimit = info.SessionStartLimit;
        return new Uri(info.Url);
    }

    private async Task WaitToIdentifyAsync(CancellationToken cancellationToken)
    {
        var wait = _identifyLimiter.WaitFor(_startLimit);
        if (_startLimit is { Remaining: <= 0 }) LogNoIdentifiesLeft(_logger, wait.TotalSeconds);
        await _identifyLimiter.WaitAsync(_startLimit, cancellationToken);
        if (_startLimit is { } limit) _startLimit = limit with { Remaining = limit.Remaining - 1 };
    }

    private void Dispatch(string type, JsonElement data, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case "READY":
                _session.SessionId = data.GetStringOrNull("session_id");
                _session.ResumeUrl = Uri.TryCreate(data.GetStringOrNull("resume_gateway_url"), UriKind.Absolute, out var resumeUrl) ? resumeUrl : null;
                _session.ApplicationId = data.TryGetProperty("application", out var app) ? app.GetStringOrNull("id") : null;
                State = DiscordGatewayState.Ready;
                var ready = new DiscordReady(_session.SessionId ?? "", _session.ApplicationId ?? "",
                    data.TryGetProperty("user", out var user) ? user.GetStringOrNull("id") : null);
                LogReady(_logger, ready.SessionId, ready.ApplicationId);
                if (Ready is { } onReady) _background.Start("READY handler", () => onReady(ready, cancellationToken));
                break;
            case "RESUMED":
                State = DiscordGatewayState.Ready;
                LogResumed(_logger, _session.SessionId ?? "", _session.LastSequence);
                break;
            case "INTERACTION_CREATE" when InteractionReceived is { } handler:
                var payload = data.Clone();
                _background.Start("interaction handler", () => handler(payload, cancellationToken));
                break;
        }
    }

    /// <summary>events/gateway.mdx "Connecting": the version and encoding go in the query string.</summary>
    private static Uri WithVersion(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason}. The Discord gateway has stopped; fix the setting and restart.")]
    private static partial void LogFatal(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: {Reason}; will {Next} in {DelaySeconds} s")]
    private static partial void LogReconnecting(ILogger logger, string reason, string next, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: stopping")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no identifies left today (session_start_limit); waiting {WaitSeconds} s")]
    private static partial void LogNoIdentifiesLeft(ILogger logger, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: READY, session {SessionId}, application {ApplicationId}")]
    private static partial void LogReady(ILogger logger, string sessionId, string applicationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: RESUMED session {SessionId} after sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, string sessionId, long? sequence);
}
