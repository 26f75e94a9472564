namespace NewsBot.Storage.Entities;

/// <summary>One filter line of a chat, stored exactly as the user typed it.</summary>
public sealed class ChatFilter
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public Chat? Chat { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Who added the filter: "platform:user id" of the command's sender, so the per-user limit counts a
    /// person's filters across all their chats. Null for filters from configuration, seeding or older rows.
    /// </summary>
    public string? AddedBy { get; set; }

    /// <summary>
    /// Set for a member's personal filter (<c>/follow</c>) in a shared chat: the platform's user id of the
    /// member. Null for the chat's own filters. A personal filter never alerts the chat itself.
    /// </summary>
    public string? OwnerUserId { get; set; }

    /// <summary>The member's display name when they followed, for a mention when no private message reaches them.</summary>
    public string? OwnerName { get; set; }

    /// <summary>
    /// The member's private chat with the bot (Telegram private chat, Discord DM channel), where a personal
    /// filter's alerts go and whose /quiet, /digest, /limit and /timezone they obey.
    /// </summary>
    public long? PersonalChatId { get; set; }
}
