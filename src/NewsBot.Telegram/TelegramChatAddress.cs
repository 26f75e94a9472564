using System.Globalization;

namespace NewsBot.Telegram;

/// <summary>
/// Where a Telegram message goes: a chat, or a forum topic inside a supergroup. A topic is a chat of its own for
/// NewsBot (its own filters and alerts), written as "&lt;chat id&gt;:&lt;thread id&gt;" in <c>Chat.ExternalId</c>;
/// only this adapter reads that text back, everyone else treats it as opaque.
/// </summary>
/// <param name="ChatId">The Bot API chat id (for a topic: its supergroup).</param>
/// <param name="ThreadId">The topic's message_thread_id; null for the chat itself (and for the General topic).</param>
public readonly record struct TelegramChatAddress(long ChatId, int? ThreadId = null)
{
    /// <summary>
    /// Bot API: the General topic has thread id 1 and refuses a message_thread_id ("message thread not found"),
    /// so the General topic is the group itself.
    /// </summary>
    public const int GeneralTopicId = 1;

    /// <summary>The text stored as the chat's external id.</summary>
    public override string ToString() => ThreadId is { } thread
        ? ChatId.ToString(CultureInfo.InvariantCulture) + ":" + thread.ToString(CultureInfo.InvariantCulture)
        : ChatId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The supergroup's id as text, the parent of a topic.</summary>
    public string ChatText => ChatId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads "-100123" or "-100123:45"; false for anything else (digits only, one colon, a positive thread id).</summary>
    public static bool TryParse(string? text, out TelegramChatAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40) return false;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var chatPart = colon < 0 ? text : text[..colon];
        if (!long.TryParse(chatPart, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat)) return false;
        if (colon < 0)
        {
            address = new TelegramChatAddress(chat);
            return true;
        }
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var thread) || thread <= GeneralTopicId)
            return false;
        address = new TelegramChatAddress(chat, thread);
        return true;
    }
}
