using System.Text.Json.Nodes;

namespace NewsBot.TestKit.Telegram;

/// <summary>Builds the Update JSON Telegram sends, for tests to push into the fake server.</summary>
public static class FakeUpdates
{
    private static int _nextMessageId = 5000;

    public static JsonObject Text(long chatId, long userId, string text, string chatType = "private", long? senderChatId = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = 1_764_400_000,
            ["chat"] = Chat(chatId, chatType),
            ["from"] = User(senderChatId is null ? userId : 1087968824, senderChatId is null ? "user" : "GroupAnonymousBot"),
            ["text"] = text,
        };
        if (senderChatId is { } sender) message["sender_chat"] = Chat(sender, chatType);
        if (text.StartsWith('/'))
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length });
        return new JsonObject { ["message"] = message };
    }

    public static JsonObject Callback(string id, long chatId, long userId, string data, string chatType = "private") => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = id,
            ["from"] = User(userId, "user"),
            ["chat_instance"] = "ci" + chatId,
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                ["date"] = 1_764_400_000,
                ["chat"] = Chat(chatId, chatType),
                ["text"] = "…",
            },
        },
    };

    /// <summary>
    /// A message in a forum topic of a supergroup, as Telegram sends it: is_topic_message, message_thread_id, and (not
    /// being a reply to anything else) a reply to the topic's forum_topic_created service message, which names it.
    /// </summary>
    public static JsonObject TopicText(long chatId, int threadId, long userId, string text, string? topicName)
    {
        var update = Text(chatId, userId, text, "supergroup");
        var message = update["message"]!.AsObject();
        message["chat"]!["is_forum"] = true;
        message["message_thread_id"] = threadId;
        message["is_topic_message"] = true;
        if (topicName is not null)
            message["reply_to_message"] = new JsonObject
            {
                ["message_id"] = threadId,
                ["date"] = 1_764_300_000,
                ["chat"] = Chat(chatId, "supergroup"),
                ["message_thread_id"] = threadId,
                ["is_topic_message"] = true,
                ["forum_topic_created"] = new JsonObject { ["name"] = topicName, ["icon_color"] = 7322096 },
            };
        return update;
    }

    /// <summary>A press on a button under a message the bot sent into a forum topic.</summary>
    public static JsonObject TopicCallback(string id, long chatId, int threadId, long userId, string data)
    {
        var update = Callback(id, chatId, userId, data, "supergroup");
        var message = update["callback_query"]!["message"]!.AsObject();
        message["message_thread_id"] = threadId;
        message["is_topic_message"] = true;
        return update;
    }

    private static JsonObject Chat(long id, string type) => type == "private"
        ? new JsonObject { ["id"] = id, ["type"] = type, ["first_name"] = "User" }
        : new JsonObject { ["id"] = id, ["type"] = type, ["title"] = "Chat " + id };

    private static JsonObject User(long id, string name) => new()
    {
        ["id"] = id, ["is_bot"] = false, ["first_name"] = name, ["username"] = name + id,
    };
}
