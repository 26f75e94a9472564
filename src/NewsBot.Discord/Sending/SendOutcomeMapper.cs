using System.Collections.Concurrent;
using System.Net;
using NewsBot.Core.Alerts;
using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Sending;

/// <summary>
/// Turns Discord's answers into what the delivery queue should do. Decisions branch on Discord's JSON error
/// code, not the HTTP status (the docs pair codes with no status). Transient failures back off per target:
/// 5 s, 10 s, 20 s … capped at 10 minutes, reset by a success.
/// </summary>
internal sealed class SendOutcomeMapper
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, int> _failures = new();

    public SendOutcome Sent(string target, DiscordMessageRef message)
    {
        _failures.TryRemove(target, out _);
        return new SendOutcome.Sent(message.Id);
    }

    public SendOutcome Map(string target, Exception exception) => exception switch
    {
        DiscordRateLimitedException limited => new SendOutcome.RetryLater(limited.RetryAfter, limited.Message),
        DiscordApiException { Code: { } code } api when GoneReason(code) is { } reason =>
            new SendOutcome.ChatGone($"Discord {code}: {reason} ({api.Route})"),
        DiscordApiException { Code: DiscordErrorCodes.Unauthorized } or DiscordApiException { Status: HttpStatusCode.Unauthorized } =>
            // A bad bot token affects every chat; keep the alerts and let the operator fix the token.
            new SendOutcome.RetryLater(MaxBackoff, "Discord refused the bot token (401): check NewsBot:Discord:BotToken"),
        DiscordApiException { Status: >= HttpStatusCode.InternalServerError } api => Backoff(target, api.Message),
        DiscordApiException api => new SendOutcome.Failed(api.Message),
        DiscordTransportException transport => Backoff(target, transport.Message),
        _ => throw new InvalidOperationException("unexpected exception type", exception),
    };

    /// <summary>Codes after which this target will never accept a message again (Discord opcodes-and-status-codes.mdx).</summary>
    private static string? GoneReason(int code) => code switch
    {
        DiscordErrorCodes.UnknownChannel => "unknown channel: the channel or thread was deleted",
        // Sending unarchives an archived thread by itself, so this one is locked: only a moderator can reopen it.
        DiscordErrorCodes.ArchivedThread => "the thread was closed (archived and locked)",
        DiscordErrorCodes.UnknownGuild => "unknown server (the bot was removed?)",
        DiscordErrorCodes.MissingAccess => "missing access: the bot cannot see this channel",
        DiscordErrorCodes.MissingPermissions => "missing permissions: the bot needs Send Messages and Embed Links here",
        DiscordErrorCodes.CannotSendMessagesToUser => "cannot send messages to this user (DMs closed or app blocked)",
        DiscordErrorCodes.NoMutualGuilds => "cannot send messages to this user (no mutual server)",
        DiscordErrorCodes.UnknownWebhook => "unknown webhook (deleted?)",
        DiscordErrorCodes.InvalidWebhookToken => "invalid webhook token",
        _ => null,
    };

    private SendOutcome.RetryLater Backoff(string target, string reason)
    {
        var failures = _failures.AddOrUpdate(target, 1, (_, n) => Math.Min(n + 1, 20));
        var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 10)));
        return new SendOutcome.RetryLater(delay, reason);
    }
}
