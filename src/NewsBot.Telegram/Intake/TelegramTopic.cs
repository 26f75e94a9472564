using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Intake;

/// <summary>The forum topic a message was sent in, and its name as far as the update tells it.</summary>
public sealed record TelegramTopic(int ThreadId, string Name)
{
    /// <summary>Bot API ForumTopic.name: 1-128 characters.</summary>
    private const int MaxNameLength = 128;

    /// <summary>
    /// The topic of a message in a forum supergroup, or null. Bot API: message_thread_id is also set on replies in
    /// ordinary groups, so only is_topic_message counts; and the General topic is the group itself.
    /// A message in a topic replies to the topic's forum_topic_created service message unless it replies to
    /// another message, so the name is known from there, from a rename (forum_topic_edited), or not at all.
    /// </summary>
    public static TelegramTopic? Of(Message? message)
    {
        if (message is not { Chat.Type: ChatType.Supergroup, IsTopicMessage: true, MessageThreadId: { } thread }
            || thread <= TelegramChatAddress.GeneralTopicId)
            return null;
        var name = message.ForumTopicEdited?.Name ?? message.ForumTopicCreated?.Name
            ?? message.ReplyToMessage?.ForumTopicEdited?.Name ?? message.ReplyToMessage?.ForumTopicCreated?.Name;
        name = string.IsNullOrWhiteSpace(name) ? "topic " + thread.ToString(System.Globalization.CultureInfo.InvariantCulture) : name.Trim();
        return new TelegramTopic(thread, name.Length > MaxNameLength ? name[..MaxNameLength] : name);
    }

    /// <summary>Where replies to a message go: its topic, else its chat.</summary>
    public static TelegramChatAddress AddressOf(Message message) => new(message.Chat.Id, Of(message)?.ThreadId);
}
