using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace NewsBot.TestKit.Telegram;

/// <summary>The Bot API methods the fake implements.</summary>
public sealed partial class FakeBotApiServer
{
    private const int MaxTextLength = 4096; // sendMessage: 1-4096 characters after entities parsing

    private Task SendMessage(HttpContext ctx, JsonObject p) => Deliver(ctx, p, edit: false);

    private Task EditMessageText(HttpContext ctx, JsonObject p) => Deliver(ctx, p, edit: true);

    private Task Deliver(HttpContext ctx, JsonObject p, bool edit)
    {
        if (ChatIdOf(p["chat_id"]) is not { } chatId) return Error(ctx, 400, "Bad Request: chat not found");
        var raw = p["text"] is JsonValue t ? t.ToString() : "";
        int? threadId = !edit && p["message_thread_id"] is JsonValue thread ? int.Parse(thread.ToString(), CultureInfo.InvariantCulture) : null;
        lock (_gate)
        {
            if (_gone.TryGetValue(chatId, out var gone)) return Error(ctx, 403, gone);
            if (threadId is { } topic && _topics.RefusalFor(chatId, topic) is { } refusal) return Error(ctx, 400, refusal);
            if (_migrated.TryGetValue(chatId, out var to))
                return Error(ctx, 400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = to });
        }
        if (_flood.TryTake(chatId) is { } wait)
        {
            Interlocked.Increment(ref _tooManyRequests);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            ctx.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Error(ctx, 429, $"Too Many Requests: retry after {seconds}", new JsonObject { ["retry_after"] = seconds });
        }
        var parseMode = p["parse_mode"] is JsonValue pm ? pm.ToString() : null;
        FakeHtmlResult parsed;
        if (string.Equals(parseMode, "html", StringComparison.OrdinalIgnoreCase)) // the server lower-cases parse_mode
        {
            parsed = FakeTelegramHtml.Parse(raw);
            if (parsed.Error is { } error) return Error(ctx, 400, "Bad Request: can't parse entities: " + error);
        }
        else if (string.IsNullOrEmpty(parseMode))
        {
            parsed = new FakeHtmlResult(raw, [], null);
        }
        else
        {
            return Error(ctx, 400, "Bad Request: unsupported parse_mode");
        }
        var text = parsed.PlainText.Trim();
        if (text.Length == 0) return Error(ctx, 400, "Bad Request: message text is empty");
        if (text.EnumerateRunes().Count() > MaxTextLength) return Error(ctx, 400, "Bad Request: message is too long");

        var previewDisabled = p["link_preview_options"]?["is_disabled"]?.GetValue<bool>() ?? p["disable_web_page_preview"] is not null;
        FakeSentMessage sent;
        lock (_gate)
        {
            if (edit)
            {
                var id = p["message_id"] is JsonValue m ? int.Parse(m.ToString(), CultureInfo.InvariantCulture) : 0;
                var index = _sent.FindIndex(x => x.ChatId == chatId && x.MessageId == id);
                if (index < 0) return Error(ctx, 400, "Bad Request: message to edit not found");
                // Bot API editMessageText: the new reply_markup replaces the old one; leaving it out removes the inline keyboard.
                var markup = p["reply_markup"]?.DeepClone();
                if (_sent[index].RawText == raw && JsonNode.DeepEquals(_sent[index].ReplyMarkup, markup))
                    return Error(ctx, 400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
                sent = _sent[index] with { Text = text, Entities = parsed.Entities, RawText = raw, ParseMode = parseMode, ReplyMarkup = markup, Edits = _sent[index].Edits + 1 };
                _sent[index] = sent;
            }
            else
            {
                sent = new FakeSentMessage(_nextMessageId++, chatId, text, parsed.Entities, raw, parseMode, previewDisabled,
                    p["reply_markup"]?.DeepClone(), _options.Time.GetUtcNow())
                { MessageThreadId = threadId };
                _sent.Add(sent);
            }
        }
        var result = new JsonObject
        {
            ["message_id"] = sent.MessageId,
            ["date"] = sent.At.ToUnixTimeSeconds(),
            ["chat"] = ChatJson(chatId),
            ["text"] = text,
        };
        if (sent.MessageThreadId is { } inTopic) { result["message_thread_id"] = inTopic; result["is_topic_message"] = true; }
        return Ok(ctx, result);
    }

    /// <summary>Bot API answerCallbackQuery: text is 0-200 characters; the server refuses a longer one.</summary>
    private static Task AnswerCallbackQuery(HttpContext ctx, JsonObject p)
    {
        var text = p["text"] is JsonValue t ? t.ToString() : "";
        return text.EnumerateRunes().Count() > 200 ? Error(ctx, 400, "Bad Request: MESSAGE_TOO_LONG") : Ok(ctx, true);
    }

    private static Task SetMyCommands(HttpContext ctx, JsonObject p)
    {
        // Bot API BotCommand: command 1-32 characters of a-z, 0-9 and _; description 1-256 characters.
        foreach (var command in p["commands"]?.AsArray() ?? [])
        {
            var name = command?["command"]?.GetValue<string>() ?? "";
            var description = command?["description"]?.GetValue<string>() ?? "";
            if (!CommandName().IsMatch(name)) return Error(ctx, 400, "Bad Request: BOT_COMMAND_INVALID");
            if (description.Length is 0 or > 256) return Error(ctx, 400, "Bad Request: command description is empty or too long");
        }
        return Ok(ctx, true);
    }

    private Task SetWebhook(HttpContext ctx, bool active, JsonObject p)
    {
        if (active && p["secret_token"] is JsonValue secret && !SecretToken().IsMatch(secret.ToString()))
            return Error(ctx, 400, "Bad Request: secret token contains unallowed characters");
        WebhookActive = active;
        return Ok(ctx, true);
    }

    private async Task GetUpdatesAsync(HttpContext ctx, JsonObject p)
    {
        long? offset = p["offset"] is JsonValue o ? long.Parse(o.ToString(), CultureInfo.InvariantCulture) : null;
        var limit = p["limit"] is JsonValue l ? int.Parse(l.ToString(), CultureInfo.InvariantCulture) : 100;
        var timeout = p["timeout"] is JsonValue t ? int.Parse(t.ToString(), CultureInfo.InvariantCulture) : 0;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _stopping.Token);
        var (updates, code, error) = await _updates.PollAsync(offset, limit, timeout, ended.Token);
        if (updates is not null) await Ok(ctx, updates);
        else if (code != 499) await Error(ctx, code, error!);
        else if (!ctx.RequestAborted.IsCancellationRequested) await Ok(ctx, new JsonArray());
    }

    private Task GetChatMember(HttpContext ctx, JsonObject p)
    {
        if (ChatIdOf(p["chat_id"]) is not { } chatId) return Error(ctx, 400, "Bad Request: chat not found");
        var userId = long.Parse(p["user_id"]!.ToString(), CultureInfo.InvariantCulture);
        string status;
        lock (_gate) status = _members.GetValueOrDefault((chatId, userId), "member");
        var member = new JsonObject
        {
            ["status"] = status,
            ["user"] = new JsonObject { ["id"] = userId, ["is_bot"] = userId == BotId, ["first_name"] = "u" + userId },
        };
        if (status == "administrator") { member["can_be_edited"] = false; member["is_anonymous"] = false; member["can_post_messages"] = true; }
        if (status == "creator") member["is_anonymous"] = false;
        return Ok(ctx, member);
    }

    private Task GetChat(HttpContext ctx, JsonObject p)
    {
        if (ChatIdOf(p["chat_id"]) is not { } chatId) return Error(ctx, 400, "Bad Request: chat not found");
        var chat = ChatJson(chatId);
        chat["accent_color_id"] = 0;
        chat["max_reaction_count"] = 11;
        chat["accepted_gift_types"] = new JsonObject
        {
            ["unlimited_gifts"] = false, ["limited_gifts"] = false, ["unique_gifts"] = false, ["premium_subscription"] = false,
        };
        return Ok(ctx, chat);
    }

    /// <summary>A chat_id is a number or an @username of a known chat.</summary>
    private long? ChatIdOf(JsonNode? node)
    {
        if (node is null) return null;
        var text = node.GetValueKind() == JsonValueKind.Number ? node.GetValue<long>().ToString(CultureInfo.InvariantCulture) : node.ToString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)) return id;
        lock (_gate)
            foreach (var (known, chat) in _chats)
                if (string.Equals("@" + chat.Username, text, StringComparison.OrdinalIgnoreCase)) return known;
        return null;
    }

    private JsonObject ChatJson(long chatId)
    {
        (string Type, string? Username, string? Title) chat;
        lock (_gate)
            chat = _chats.TryGetValue(chatId, out var known)
                ? known
                : (chatId > 0 ? "private" : chatId.ToString(CultureInfo.InvariantCulture).StartsWith("-100", StringComparison.Ordinal) ? "supergroup" : "group", null, null);
        var json = new JsonObject { ["id"] = chatId, ["type"] = chat.Type };
        if (chat.Type == "private") json["first_name"] = "User";
        else json["title"] = chat.Title ?? "Chat " + chatId;
        if (chat.Username is not null) json["username"] = chat.Username;
        return json;
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();
}
