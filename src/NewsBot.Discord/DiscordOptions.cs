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

    /// <summary>REST base URL including the version (Discord: the version goes in the path).</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Gateway URL override; when empty the URL comes from <c>GET /gateway/bot</c>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Guilds to register the slash commands in (instant update); empty means global commands.</summary>
    public string[] GuildIds { get; set; } = [];

    /// <summary>Discord user ids allowed to use <c>/newsadmin</c>.</summary>
    public string[] AdminUserIds { get; set; } = [];

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

    public override string ToString() =>
        $"Discord(api={ApiBaseUrl}, gateway={GatewayUrl ?? "from /gateway/bot"}, token={(BotToken.Length > 0 ? "set" : "missing")})";
}
