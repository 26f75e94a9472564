namespace NewsBot.Configuration;

/// <summary>NewsBot:Telegram — set BotToken to run the Telegram bot.</summary>
public sealed class TelegramOptions
{
    public const string Section = "NewsBot:Telegram";

    public string? BotToken { get; set; }

    /// <summary>Another Bot API server (self-hosted telegram-bot-api, or a test fake). Only scheme, host and port are used.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Telegram user ids allowed to run admin commands.</summary>
    public List<long> AdminUserIds { get; set; } = [];
}

/// <summary>NewsBot:Discord — set BotToken and ApplicationId to run the Discord bot.</summary>
public sealed class DiscordOptions
{
    public const string Section = "NewsBot:Discord";

    public string? BotToken { get; set; }
    public string? ApplicationId { get; set; }
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Discord user ids (snowflakes) allowed to run admin commands.</summary>
    public List<string> AdminUserIds { get; set; } = [];
}

/// <summary>NewsBot:Console — a chat that prints alerts to standard output.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "NewsBot:Console";

    /// <summary>Filters of the console chat; empty means no console chat.</summary>
    public List<string> Filters { get; set; } = [];
}
