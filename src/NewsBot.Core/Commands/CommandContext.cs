namespace NewsBot.Core.Commands;

/// <summary>The kind of chat a command was sent in.</summary>
public enum ChatKind
{
    Private,
    Group,
    Supergroup,
    Channel,
}

/// <summary>
/// A channel a command acts on (<c>/add @channel …</c>), resolved and checked by the platform
/// adapter before the command is executed.
/// </summary>
/// <param name="ChatId">The platform's id of the channel.</param>
/// <param name="Handle">The handle as typed, e.g. <c>@mychannel</c>.</param>
/// <param name="UserIsAdmin">The user who sent the command administers the channel.</param>
/// <param name="BotIsAdmin">The bot is an administrator of the channel (needed to post there).</param>
public sealed record ChannelTarget(string ChatId, string Handle, string? Title, bool UserIsAdmin, bool BotIsAdmin);

/// <summary>Who sent a command, where, and with which rights. Filled in by the platform adapter.</summary>
/// <param name="Platform">"telegram", "discord", …</param>
/// <param name="IsBotAdmin">The user is one of NewsBot's administrators (configured user ids).</param>
/// <param name="IsChatAdmin">
/// The user administers this chat. Always true in a private chat; in groups the adapter asks the
/// platform (anonymous group admins count as admins).
/// </param>
public sealed record CommandContext(
    string Platform,
    string ChatId,
    ChatKind ChatKind,
    string UserId,
    bool IsBotAdmin,
    bool IsChatAdmin)
{
    /// <summary>The user's display name, for friendly replies and logs.</summary>
    public string? UserName { get; init; }

    /// <summary>The group's or channel's title, if the chat has one.</summary>
    public string? ChatTitle { get; init; }

    /// <summary>The resolved channel for commands with an <c>@channel</c> target.</summary>
    public ChannelTarget? Target { get; init; }

    /// <summary>
    /// Set when the command was given inside a forum topic or thread (then <see cref="ChatId"/> is the topic's or
    /// thread's own id): the id of the chat it belongs to, stored as <c>Chat.ParentExternalId</c>.
    /// </summary>
    public string? ParentChatId { get; init; }

    /// <summary>
    /// The sender's private chat with the bot (Telegram: the user id; Discord: the DM channel the adapter opened),
    /// where a personal filter's alerts go; null when the adapter could not name one.
    /// </summary>
    public string? PrivateChatId { get; init; }

    /// <summary>The bot's own handle on the platform (Telegram username), for "start a chat with me: t.me/…"; null when unknown.</summary>
    public string? BotUserName { get; init; }

    public bool IsGroup => ChatKind is ChatKind.Group or ChatKind.Supergroup;
}
