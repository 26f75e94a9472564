namespace NewsBot.Discord;

/// <summary>
/// Settings of the Discord client, bound from <c>NewsBot:Discord</c>. The token is never printed:
/// <see cref="ToString"/> leaves it out and no exception message carries it.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "NewsBot:Discord";

    /// <summary>The bot token from the Developer Portal (Bot → Reset Token).</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The application id (Developer Portal → General Information); when empty, READY's application id is used.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>REST base URL including the version (Discord: the version goes in the path).</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Gateway URL override; when empty the URL comes from <c>GET /gateway/bot</c>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Guilds to register the slash commands in (instant update); empty means global commands.</summary>
    public string[] GuildIds { get; set; } = [];

    /// <summary>Discord user ids allowed to use <c>/newsadmin</c>.</summary>
    public string[] AdminUserIds { get; set; } = [];

    /// <summary>Outbound-only destinations: Discord webhook URLs with their filters, for servers that do not want a bot.</summary>
    public List<DiscordWebhookDestination> Webhooks { get; set; } = [];

    /// <summary>Discord: 50 requests per second per bot across all routes (interaction routes exempt).</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>A 429 whose retry_after is at most this long is waited out and retried inside the client;
    /// a longer one is reported to the caller (alerts go back to the queue).</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Discord: the first interaction response must arrive within 3 s; replies slower than this are
    /// deferred (type 5) and delivered by editing the original response.</summary>
    public TimeSpan InteractionDeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Discord: at most max_concurrency identifies per 5 seconds. Only tests change this.</summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Problems that would stop the bot from working, each naming its configuration key; empty when fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BotToken))
            problems.Add($"{SectionName}:BotToken is required (Developer Portal → your application → Bot → Reset Token)");
        else if (BotToken.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) || BotToken.Any(char.IsWhiteSpace))
            problems.Add($"{SectionName}:BotToken must be the bare token, without \"Bot \" or spaces");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            problems.Add($"{SectionName}:ApiBaseUrl '{ApiBaseUrl}' is not an http(s) URL");
        if (!string.IsNullOrWhiteSpace(GatewayUrl)
            && (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws")))
            problems.Add($"{SectionName}:GatewayUrl '{GatewayUrl}' is not a ws(s) URL");
        foreach (var (key, ids) in new[] { ("GuildIds", GuildIds), ("AdminUserIds", AdminUserIds) })
            foreach (var id in ids.Where(id => id.Length is 0 or > 20 || !id.All(char.IsAsciiDigit)))
                problems.Add($"{SectionName}:{key} entry '{id}' is not a Discord id (digits only; enable Developer Mode and use Copy ID)");
        if (!string.IsNullOrWhiteSpace(ApplicationId) && !ApplicationId.All(char.IsAsciiDigit))
            problems.Add($"{SectionName}:ApplicationId must be a Discord id (digits only)");
        if (GlobalRequestsPerSecond < 1) problems.Add($"{SectionName}:GlobalRequestsPerSecond must be at least 1");
        return problems;
    }

    public override string ToString() =>
        $"Discord(api={ApiBaseUrl}, gateway={GatewayUrl ?? "from /gateway/bot"}, token={(BotToken.Length > 0 ? "set" : "missing")})";
}

/// <summary>A Discord webhook that receives alerts matching its filters (NewsBot:Discord:Webhooks).</summary>
public sealed class DiscordWebhookDestination
{
    /// <summary>https://discord.com/api/webhooks/{id}/{token} — a secret: anyone with it can post.</summary>
    public string Url { get; set; } = "";

    public List<string> Filters { get; set; } = [];
}
