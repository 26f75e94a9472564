using Telegram.Bot.Exceptions;

namespace NewsBot.Telegram.Sending;

/// <summary>What a failed Bot API call means for the bot, decided from Telegram's error reply.</summary>
internal enum TelegramFailureKind
{
    /// <summary>403: blocked by the user, kicked, user deactivated, group deleted; 400 chat not found; 400 forum topic closed or deleted.</summary>
    ChatGone,
    /// <summary>400 with parameters.migrate_to_chat_id: the group became a supergroup.</summary>
    ChatMoved,
    /// <summary>400 "can't parse entities": our HTML was refused.</summary>
    BadMarkup,
    /// <summary>400 "message is not modified" on an edit: the chat already shows this text.</summary>
    NotModified,
    /// <summary>429 with parameters.retry_after.</summary>
    Flood,
    /// <summary>Network failure, timeout or 5xx: worth trying again later.</summary>
    Transient,
    /// <summary>401/404: the token is wrong or revoked; nothing will work until an operator fixes it.</summary>
    Unauthorized,
    /// <summary>Any other 4xx: this message will never be accepted.</summary>
    Permanent,
}

internal sealed record TelegramFailure(TelegramFailureKind Kind, string Description, long? MigrateToChatId = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Classifies an exception from a Telegram.Bot call; null when it is not a Bot API or network failure.</summary>
    public static TelegramFailure? From(Exception error, CancellationToken ct)
    {
        switch (error)
        {
            case ApiRequestException api:
                return FromApi(api);
            case RequestException request:
                return new(TelegramFailureKind.Transient, $"request failed ({(int?)request.HttpStatusCode ?? 0}): {request.Message}");
            case HttpRequestException http:
                return new(TelegramFailureKind.Transient, $"network error: {http.Message}");
            case OperationCanceledException when !ct.IsCancellationRequested:
                return new(TelegramFailureKind.Transient, "request timed out");
            default:
                return null;
        }
    }

    /// <summary>
    /// A forum topic that no longer takes messages, worded for the people in the group. Bot API server
    /// (tdlib/telegram-bot-api Client.cpp check_message_topic): a deleted topic or a thread id that does not
    /// exist answers "Bad Request: message thread not found"; a closed topic answers with Telegram's
    /// "TOPIC_CLOSED" (a deleted one on some paths "TOPIC_DELETED"). We only send a thread id to a topic chat,
    /// so these only ever end a topic, never its group.
    /// </summary>
    private static string? TopicGone(string description) =>
        description.Contains("TOPIC_CLOSED", StringComparison.OrdinalIgnoreCase) ? $"the topic was closed ({description})"
        : description.Contains("TOPIC_DELETED", StringComparison.OrdinalIgnoreCase)
          || description.Contains("message thread not found", StringComparison.OrdinalIgnoreCase) ? $"the topic was deleted ({description})"
        : null;

    private static TelegramFailure FromApi(ApiRequestException api)
    {
        var description = api.Message;
        // Bot API: "parameters" explain an error: migrate_to_chat_id and retry_after (ResponseParameters).
        if (api.Parameters?.MigrateToChatId is { } newId)
            return new(TelegramFailureKind.ChatMoved, description, MigrateToChatId: newId);
        if (api.ErrorCode == 429)
            return new(TelegramFailureKind.Flood, description, RetryAfter: TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 5)));
        return api.ErrorCode switch
        {
            403 => new(TelegramFailureKind.ChatGone, description),
            400 when description.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase) =>
                new(TelegramFailureKind.BadMarkup, description),
            400 when description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase) =>
                new(TelegramFailureKind.NotModified, description),
            400 when description.Contains("chat not found", StringComparison.OrdinalIgnoreCase) =>
                new(TelegramFailureKind.ChatGone, description),
            400 when TopicGone(description) is { } reason => new(TelegramFailureKind.ChatGone, reason),
            401 or 404 => new(TelegramFailureKind.Unauthorized, description),
            >= 500 or 0 => new(TelegramFailureKind.Transient, description),
            _ => new(TelegramFailureKind.Permanent, description),
        };
    }
}
