using System.Text.Json.Nodes;

namespace NewsBot.TestKit.Telegram;

/// <summary>A message the fake accepted: what Telegram would show (decoded text and entities) and what was sent.</summary>
public sealed record FakeSentMessage(
    int MessageId,
    long ChatId,
    string Text,
    IReadOnlyList<FakeEntity> Entities,
    string RawText,
    string? ParseMode,
    bool LinkPreviewDisabled,
    JsonNode? ReplyMarkup,
    DateTimeOffset At)
{
    /// <summary>The message_thread_id it was sent with: the forum topic it went to; null for the chat itself.</summary>
    public int? MessageThreadId { get; init; }

    /// <summary>How many times the message was edited (editMessageText).</summary>
    public int Edits { get; init; }

    /// <summary>Callback data of the inline keyboard buttons, row by row flattened.</summary>
    public IReadOnlyList<string> ButtonData =>
        ReplyMarkup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => b!["callback_data"]?.GetValue<string>() ?? "").ToList() ?? [];
}

/// <summary>One Bot API request the fake received and the HTTP status it answered (0 while still open).</summary>
public sealed class FakeApiCall(string method, JsonObject parameters, DateTimeOffset at)
{
    public string Method { get; } = method;
    public JsonObject Parameters { get; } = parameters;
    public DateTimeOffset At { get; } = at;
    public int Status { get; internal set; }

    public string? Text(string name) => Parameters[name] is JsonValue v ? v.ToString() : null;
}

/// <summary>Options for <see cref="FakeBotApiServer"/>.</summary>
public sealed record FakeBotApiOptions
{
    /// <summary>A syntactically valid token (Telegram.Bot checks the "id:secret" shape).</summary>
    public string Token { get; init; } = "123456789:AAFakeTokenForNewsBotTests_0123456789";
    public string BotUsername { get; init; } = "NewsBotTestBot";
    public FakeFloodLimits Limits { get; init; } = new();
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
