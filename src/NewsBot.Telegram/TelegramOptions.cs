namespace NewsBot.Telegram;

/// <summary>How the bot receives updates (Bot API: getUpdates and webhooks exclude each other).</summary>
public enum TelegramIntakeMode
{
    Polling,
    Webhook,
}

/// <summary>Settings bound from <c>NewsBot:Telegram</c>.</summary>
public sealed class TelegramOptions
{
    public const string Section = "NewsBot:Telegram";

    /// <summary>The token from @BotFather. The adapter is enabled when this is set. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Another Bot API server (self-hosted telegram-bot-api, or a test fake). Null = api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramIntakeMode Mode { get; set; } = TelegramIntakeMode.Polling;

    /// <summary>Public HTTPS address Telegram posts updates to (webhook mode; ports 443, 80, 88 or 8443).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; 1–256 characters of A-Z a-z 0-9 _ -
    /// (Bot API setWebhook). Required in webhook mode.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Telegram user ids allowed to run admin commands (/addsource, /stats, …).</summary>
    public long[] AdminUserIds { get; set; } = [];

    /// <summary>Whether alerts show a link preview when a chat has no setting of its own.</summary>
    public bool LinkPreviews { get; set; } = true;

    /// <summary>Long-poll timeout for getUpdates; the server caps it at 50 s.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>How long a group-admin check (getChatMember) is trusted.</summary>
    public TimeSpan AdminCheckCacheTime { get; set; } = TimeSpan.FromMinutes(2);

    public TelegramPacingOptions Pacing { get; set; } = new();
}

/// <summary>
/// Telegram's broadcast limits (Bot FAQ "My bot is hitting limits"): about 30 messages per second
/// per bot, no more than one per second in one chat, at most 20 per minute in one group.
/// The real limits are undocumented and change, so they are settings and 429s still win.
/// </summary>
public sealed class TelegramPacingOptions
{
    /// <summary>
    /// A little under the FAQ's ~30/s on purpose: sending at exactly the server's rate leaves no
    /// room for latency jitter (a few late requests arriving together would be a 429), and the
    /// burst test against the fake showed exactly that at 30.
    /// </summary>
    public double MessagesPerSecond { get; set; } = 28;

    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int GroupMessagesPerWindow { get; set; } = 20;

    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Added to per-chat and per-group spacing so request latency jitter (a send reserved for
    /// t arriving a little late, the next one on time) cannot look like a burst to the server.
    /// </summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(50);
}
