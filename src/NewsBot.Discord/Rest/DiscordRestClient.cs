using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Discord.Interactions;

namespace NewsBot.Discord.Rest;

/// <summary>
/// The REST half of our Discord API v10 client: the few calls NewsBot needs, paced by Discord's per-bucket and
/// global rate limits. Errors surface as <see cref="DiscordApiException"/> carrying Discord's JSON code.
/// </summary>
public sealed partial class DiscordRestClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _baseUrl;
    private readonly GlobalRateLimiter _global;
    private readonly BucketRateLimiter _buckets;

    public DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider? time = null, ILogger<DiscordRestClient>? logger = null)
    {
        _http = http;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<DiscordRestClient>.Instance;
        _baseUrl = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
        _global = new GlobalRateLimiter(options.GlobalRequestsPerSecond, _time);
        _buckets = new BucketRateLimiter(_time);
    }

    /// <summary>Frees the rate limiter's lock; the HttpClient belongs to whoever passed it in.</summary>
    public void Dispose() => _global.Dispose();

    /// <summary>Discord reference.mdx "User Agent": <c>DiscordBot ($url, $versionNumber)</c> is required.</summary>
    public static string UserAgent { get; } =
        $"DiscordBot (https://github.com/newsbot, {typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "0.1.0"})";

    /// <summary>The API base URL requests go to (the webhook sender resolves webhook URLs against it).</summary>
    public Uri BaseUrl => _baseUrl;

    public async Task<DiscordMessageRef> CreateMessageAsync(string channelId, DiscordMessageBody message, CancellationToken cancellationToken) =>
        ReadMessageRef(await SendAsync(DiscordRoute.CreateMessage(channelId), message, cancellationToken));

    public async Task<DiscordMessageRef> EditMessageAsync(string channelId, string messageId, DiscordMessageBody message, CancellationToken cancellationToken) =>
        ReadMessageRef(await SendAsync(DiscordRoute.EditMessage(channelId, messageId), message, cancellationToken));

    /// <summary>Opens (or returns the existing) DM channel with a user; returns its channel id.</summary>
    public async Task<string> OpenDmAsync(string userId, CancellationToken cancellationToken)
    {
        using var body = await SendAsync(DiscordRoute.OpenDm(), new { recipient_id = userId }, cancellationToken);
        return body?.RootElement.GetStringOrNull("id") ?? throw Malformed(DiscordRoute.OpenDm(), "channel id");
    }

    /// <summary>The guild (server) a channel belongs to; null for a DM channel.</summary>
    public async Task<string?> GetChannelGuildAsync(string channelId, CancellationToken cancellationToken)
    {
        using var body = await SendAsync(DiscordRoute.GetChannel(channelId), null, cancellationToken);
        return body?.RootElement.GetStringOrNull("guild_id");
    }

    /// <summary>Whether the user is a member of the guild: false on 10007 Unknown Member; other errors are thrown.</summary>
    public async Task<bool> IsGuildMemberAsync(string guildId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await SendAsync(DiscordRoute.GetGuildMember(guildId, userId), null, cancellationToken);
            return true;
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCodes.UnknownMember)
        {
            return false;
        }
    }

    /// <summary>Replaces all global commands (guildId null) or all commands of one guild with these.</summary>
    public async Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(DiscordRoute.BulkOverwriteCommands(applicationId, guildId), commands, cancellationToken);
    }

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var body = await SendAsync(DiscordRoute.GatewayBot(), null, cancellationToken);
        return body?.RootElement.Deserialize<GatewayBotInfo>(DiscordJson.Options) is { Url.Length: > 0 } info
            ? info
            : throw Malformed(DiscordRoute.GatewayBot(), "gateway url");
    }

    /// <summary>The first answer to an interaction; Discord answers 204 and the token is spent for callbacks.</summary>
    public async Task RespondToInteractionAsync(string interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(DiscordRoute.InteractionCallback(interactionId, interactionToken), callback, cancellationToken);
    }

    /// <summary>Answers an autocomplete interaction: callback type 8 APPLICATION_COMMAND_AUTOCOMPLETE_RESULT with up to 25 choices.</summary>
    public async Task RespondWithChoicesAsync(string interactionId, string interactionToken, IReadOnlyList<CommandChoice> choices, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(DiscordRoute.InteractionCallback(interactionId, interactionToken), new { type = 8, data = new { choices } }, cancellationToken);
    }

    /// <summary>Replaces the deferred "thinking…" reply with the real one.</summary>
    public async Task EditOriginalResponseAsync(string applicationId, string interactionToken, DiscordMessageBody message, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(DiscordRoute.EditOriginal(applicationId, interactionToken), message, cancellationToken);
    }

    public async Task<DiscordMessageRef> CreateFollowUpAsync(string applicationId, string interactionToken, DiscordMessageBody message, CancellationToken cancellationToken) =>
        ReadMessageRef(await SendAsync(DiscordRoute.FollowUp(applicationId, interactionToken), message, cancellationToken));

    /// <summary>Checks a webhook URL before it is stored: Discord answers with the webhook (its name and channel) or 10015 Unknown Webhook.</summary>
    public async Task<DiscordWebhookInfo> GetWebhookAsync(string webhookId, string webhookToken, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.GetWebhook(webhookId, webhookToken);
        using var body = await SendAsync(route, null, cancellationToken);
        var root = body?.RootElement ?? default;
        return root.GetStringOrNull("id") is { } id
            ? new DiscordWebhookInfo(id, root.GetStringOrNull("name"), root.GetStringOrNull("channel_id"), root.GetStringOrNull("guild_id"))
            : throw Malformed(route, "webhook id");
    }

    public async Task<DiscordMessageRef> ExecuteWebhookAsync(string webhookId, string webhookToken, DiscordMessageBody message, CancellationToken cancellationToken) =>
        ReadMessageRef(await SendAsync(DiscordRoute.ExecuteWebhook(webhookId, webhookToken), message, cancellationToken));

    public async Task<DiscordMessageRef> EditWebhookMessageAsync(string webhookId, string webhookToken, string messageId, DiscordMessageBody message, CancellationToken cancellationToken) =>
        ReadMessageRef(await SendAsync(DiscordRoute.EditWebhookMessage(webhookId, webhookToken, messageId), message, cancellationToken));

    private async Task<JsonDocument?> SendAsync(DiscordRoute route, object? body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var lease = await _buckets.AcquireAsync(route, cancellationToken);
            HttpResponseMessage response;
            using (route.CountsTowardGlobalLimit ? await _global.WaitTurnAsync(cancellationToken) : null)
                response = await TransmitAsync(route, body, cancellationToken);
            using var _ = response;
            _buckets.Update(route, response.Headers);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var (retryAfter, global) = await ReadRateLimitAsync(response, cancellationToken);
                if (global) _global.Block(retryAfter);
                else _buckets.Exhaust(route, retryAfter);
                LogRateLimited(_logger, route.Display, retryAfter.TotalSeconds, global, attempt);
                if (retryAfter > _options.MaxRateLimitWait || attempt >= 3)
                    throw new DiscordRateLimitedException(route.Display, retryAfter, global);
                // Untracked routes keep no bucket state, and interaction callbacks skip the global limiter: wait here instead.
                if (!route.TrackBucket && !(global && route.CountsTowardGlobalLimit)) await Task.Delay(retryAfter, _time, cancellationToken);
                continue;
            }
            if (!response.IsSuccessStatusCode) throw await ReadErrorAsync(route, response, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(text)) return null;
            try
            {
                return JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                throw Malformed(route, "JSON body");
            }
        }
    }

    private async Task<HttpResponseMessage> TransmitAsync(DiscordRoute route, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, new Uri(_baseUrl, route.Path));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (route.SendsBotToken) request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: DiscordJson.Options);
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new DiscordTransportException(route.Display, ex.HttpRequestError.ToString(), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DiscordTransportException(route.Display, "timed out", ex);
        }
    }

    /// <summary>Discord: the 429 body carries retry_after as float seconds; the Retry-After header is a fallback.</summary>
    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (doc.RootElement.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var s)) seconds = s;
            if (doc.RootElement.TryGetProperty("global", out var gl) && gl.ValueKind == JsonValueKind.True) global = true;
        }
        catch (JsonException)
        {
            // Cloudflare's ban page is HTML; the header below still tells how long to wait.
        }
        if (seconds is null && response.Headers.RetryAfter?.Delta is { } delta) seconds = delta.TotalSeconds;
        if (seconds is null && response.Headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var headerSeconds))
            seconds = headerSeconds;
        return (TimeSpan.FromSeconds(Math.Max(seconds ?? 1, 0)), global);
    }

    private static async Task<DiscordApiException> ReadErrorAsync(DiscordRoute route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        int? code = null;
        var message = response.ReasonPhrase ?? "no message";
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var parsed)) code = parsed;
            if (doc.RootElement.GetStringOrNull("message") is { } m) message = m;
            if (doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object) message += " " + errors.GetRawText();
        }
        catch (JsonException)
        {
            message = text.Length > 200 ? text[..200] : text;
        }
        return new DiscordApiException(route.Display, response.StatusCode, code, message);
    }

    private static DiscordMessageRef ReadMessageRef(JsonDocument? body)
    {
        using (body)
        {
            var root = body?.RootElement ?? default;
            return new DiscordMessageRef(root.GetStringOrNull("id") ?? "", root.GetStringOrNull("channel_id") ?? "");
        }
    }

    private static DiscordApiException Malformed(DiscordRoute route, string what) =>
        new(route.Display, HttpStatusCode.OK, null, $"answer has no {what}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: rate limited for {RetryAfterSeconds} s (global {Global}), attempt {Attempt}")]
    private static partial void LogRateLimited(ILogger logger, string route, double retryAfterSeconds, bool global, int attempt);
}
