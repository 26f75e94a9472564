using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsBot.TestKit.Discord;

/// <summary>
/// A fake Discord on 127.0.0.1 (Kestrel): REST under /api/v10 and a WebSocket gateway, following Discord's
/// public API docs (developers/ in discord/discord-api-docs). It checks the bot token and User-Agent, keeps
/// rate limits, enforces the interaction deadline, and records what the bot sent.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentDictionary<string, (int Status, int Code, string Message)> _channelErrors = new();
    private readonly ConcurrentDictionary<string, string> _webhooks = new();
    private readonly ConcurrentDictionary<string, string> _webhookNames = new();
    private readonly ConcurrentQueue<FakeMessage> _messages = new();
    private long _nextId = 1700000000000000000;

    private FakeDiscordServer(WebApplication app, FakeDiscordOptions options)
    {
        _app = app;
        Options = options;
        RateLimits = new FakeRateLimiter(options);
        Interactions = new FakeInteractionLedger(options);
        Gateway = new FakeDiscordGateway(this);
    }

    public FakeDiscordOptions Options { get; }
    public FakeDiscordGateway Gateway { get; }
    internal FakeRateLimiter RateLimits { get; }
    internal FakeInteractionLedger Interactions { get; }

    /// <summary>http://127.0.0.1:port/api/v10 — give this to the client as its API base URL.</summary>
    public string ApiBaseUrl => Root + "api/v10";
    public string Root { get; private set; } = "";
    public string GatewayUrl => "ws" + Root["http".Length..] + "gateway";
    public string ResumeGatewayUrl => "ws" + Root["http".Length..] + "resume-gateway";

    public IReadOnlyCollection<FakeRequest> Requests => _requests;
    public IReadOnlyCollection<FakeMessage> Messages => _messages;

    /// <summary>Number of 429 answers so far.</summary>
    public int TooManyRequests => RateLimits.TooManyRequests;

    /// <summary>Registered application commands: key "global" or the guild id.</summary>
    public ConcurrentDictionary<string, JsonElement> Commands { get; } = new();

    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeDiscordServer(app, options ?? new FakeDiscordOptions());
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = address.TrimEnd('/') + "/";
        return server;
    }

    /// <summary>Messages to this channel fail with Discord's JSON error, e.g. (404, 10003, "Unknown Channel").</summary>
    public void FailChannel(string channelId, int status, int code, string message) => _channelErrors[channelId] = (status, code, message);

    /// <summary>Creates a webhook and returns its URL in the form Discord shows (…/api/webhooks/{id}/{token}).</summary>
    public string CreateWebhook(string name = "NewsBot alerts")
    {
        var id = NextId();
        var token = "whSecret-" + Guid.NewGuid().ToString("N");
        _webhooks[id] = token;
        _webhookNames[id] = name;
        return $"{Root}api/webhooks/{id}/{token}";
    }

    public void DeleteWebhook(string url) => _webhooks.TryRemove(url.Split('/')[^2], out _);

    /// <summary>The webhook's name (Get Webhook answers with it), or null when there is no webhook with this id.</summary>
    internal string? WebhookName(string id) => _webhooks.ContainsKey(id) && _webhookNames.TryGetValue(id, out var name) ? name : null;

    /// <summary>The next rate-limited request gets a 429 with this retry_after (global or its bucket's).</summary>
    public void ForceRateLimit(TimeSpan retryAfter, bool global) => RateLimits.ForceNext(retryAfter, global);

    internal string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal void Record(FakeMessage message) => _messages.Enqueue(message);

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "/";
        if (path is "/gateway" or "/resume-gateway")
        {
            await Gateway.AcceptAsync(ctx);
            return;
        }
        _requests.Enqueue(new FakeRequest(ctx.Request.Method, path, ctx.Request.QueryString.Value ?? "", Options.Time.GetUtcNow(),
            ctx.Request.Headers.Authorization.ToString(), ctx.Request.Headers.UserAgent.ToString()));
        if (!path.StartsWith("/api/v10/", StringComparison.Ordinal) && !path.StartsWith("/api/webhooks/", StringComparison.Ordinal))
        {
            await Error(ctx, 404, 0, "404: Not Found");
            return;
        }
        // Discord reference.mdx "User Agent": DiscordBot ($url, $versionNumber) is required.
        if (!UserAgentPattern().IsMatch(ctx.Request.Headers.UserAgent.ToString()))
        {
            await Error(ctx, 400, 0, "A DiscordBot User-Agent is required");
            return;
        }
        await FakeDiscordRoutes.DispatchAsync(this, ctx, path.StartsWith("/api/v10/", StringComparison.Ordinal) ? path["/api/v10/".Length..] : path["/api/".Length..]);
    }

    internal bool IsBotAuthorized(HttpContext ctx) => ctx.Request.Headers.Authorization.ToString() == "Bot " + Options.BotToken;

    internal (int Status, int Code, string Message)? ChannelError(string channelId) =>
        _channelErrors.TryGetValue(channelId, out var error) ? error : null;

    internal bool WebhookExists(string id, string token) => _webhooks.TryGetValue(id, out var t) && t == token;

    internal static Task Error(HttpContext ctx, int status, int code, string message)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new { message, code });
    }

    [GeneratedRegex(@"^DiscordBot \(\S+, \S+\)")]
    private static partial Regex UserAgentPattern();

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record FakeRequest(string Method, string Path, string Query, DateTimeOffset At, string Authorization, string UserAgent);

/// <summary>A message the bot posted: the channel (or "webhook:{id}") and the JSON body it sent.</summary>
public sealed record FakeMessage(string Id, string Target, JsonElement Body, DateTimeOffset At);
