using System.Net;

namespace NewsBot.Discord.Rest;

/// <summary>
/// Discord answered with an error. Branch on <see cref="Code"/> (Discord's JSON error code), not on the HTTP
/// status: the docs give no status per code. The message names the route with tokens masked.
/// </summary>
public class DiscordApiException : Exception
{
    public DiscordApiException(string route, HttpStatusCode status, int? code, string discordMessage)
        : base($"Discord {route}: HTTP {(int)status}{(code is { } c ? $", code {c}" : "")}: {discordMessage}")
    {
        Route = route;
        Status = status;
        Code = code;
        DiscordMessage = discordMessage;
    }

    /// <summary>Method and path with interaction and webhook tokens replaced by "***".</summary>
    public string Route { get; }
    public HttpStatusCode Status { get; }
    public int? Code { get; }
    public string DiscordMessage { get; }
}

/// <summary>A 429 that the client did not wait out itself (too long, or out of retries).</summary>
public sealed class DiscordRateLimitedException(string route, TimeSpan retryAfter, bool global)
    : DiscordApiException(route, HttpStatusCode.TooManyRequests, null,
        $"rate limited{(global ? " (global)" : "")}, retry after {retryAfter.TotalSeconds:0.###} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
    public bool Global { get; } = global;
}

/// <summary>The request never got an HTTP answer (connection refused, reset, timeout).</summary>
public sealed class DiscordTransportException(string route, string cause, Exception inner)
    : Exception($"Discord {route}: no answer: {cause}", inner)
{
    public string Route { get; } = route;
}

/// <summary>Discord's JSON error codes that the bot acts on (topics/opcodes-and-status-codes.mdx).</summary>
public static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMember = 10007;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int Unauthorized = 40001;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendMessagesToUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
    public const int NoMutualGuilds = 50278;

    /// <summary>An operation on an archived thread; sending unarchives a thread unless a moderator locked it (topics/threads.mdx).</summary>
    public const int ArchivedThread = 50083;
}
