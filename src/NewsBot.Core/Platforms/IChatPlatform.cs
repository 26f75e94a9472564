using NewsBot.Core.Alerts;
using NewsBot.Core.Delivery;

namespace NewsBot.Core.Platforms;

/// <summary>
/// A chat platform as the host sees it. Each adapter project implements it and registers itself
/// (<c>AddTelegram</c>, <c>AddDiscord</c>, the console); the host's delivery rules read
/// <see cref="Capabilities"/>, never a platform's name. It never touches the database: it reports
/// what the platform said, and the outbox decides what to store.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The name stored on chats and notices, e.g. "console", "telegram" (a stored value: never renamed).</summary>
    string Name { get; }

    PlatformCapabilities Capabilities { get; }

    /// <summary>
    /// Where this platform's bot admins read source notices. The console lists itself; the host uses it
    /// only when no other platform names an admin.
    /// </summary>
    IReadOnlyList<PlatformRecipient> AdminRecipients { get; }

    Task<SendOutcome> SendAsync(string chatId, AlertContent alert, CancellationToken cancellationToken);

    /// <summary>
    /// Shows that more sources reported an alert's story: edits the sent message in place where the
    /// platform allows it (<see cref="PlatformCapabilities.CanEdit"/>; never a second notification).
    /// <paramref name="messageId"/> is what <see cref="SendOutcome.Sent"/> returned.
    /// </summary>
    Task<SendOutcome> UpdateAsync(string chatId, string? messageId, AlertContent alert, CancellationToken cancellationToken);

    /// <summary>
    /// How a digest's lines are written for <see cref="SendTextAsync"/>: plain text by default; a platform
    /// that reads markup in plain messages (Discord's markdown) escapes it here.
    /// </summary>
    DigestLayout DigestLayout => DigestLayout.PlainText(Capabilities.MaxTextLength);

    /// <summary>How this platform's users type NewsBot's commands, for notices that name one ("send /start there").</summary>
    Commands.ICommandNaming CommandNaming => Commands.TextCommandNaming.Instance;

    /// <summary>Sends plain text (a digest, a notice), never interpreted as markup.</summary>
    Task<SendOutcome> SendTextAsync(string chatId, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Mentions members in a shared chat (at most <see cref="PlatformCapabilities.MaxMentionsPerMessage"/>): a
    /// personal alert for members no private message reaches. Platforms without mentions send the names as text.
    /// </summary>
    Task<SendOutcome> SendMentionsAsync(string chatId, MentionMessage message, CancellationToken cancellationToken) =>
        SendTextAsync(chatId, message.PlainText(), cancellationToken);

    /// <summary>
    /// Whether the user is still a member of the shared chat (personal alerts stop when they left): true or false when
    /// the platform said so, null when it cannot tell (then they count as a member).
    /// </summary>
    Task<bool?> IsMemberAsync(string chatId, string userId, CancellationToken cancellationToken) => Task.FromResult<bool?>(null);

    /// <summary>Sends plain text to a user privately (<see cref="PlatformCapabilities.CanMessageUser"/>).</summary>
    Task<SendOutcome> SendTextToUserAsync(string userId, string text, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Failed($"{Name} cannot message a user privately"));
}

/// <summary>What a platform can do; the host decides by these, not by which platform it is.</summary>
public sealed record PlatformCapabilities
{
    /// <summary>
    /// One bot account shared by every instance: only the instance holding the bot's lease sends and
    /// receives (the platform counts rate limits per bot; Telegram serves one poller per token).
    /// </summary>
    public required bool NeedsLeader { get; init; }

    /// <summary><see cref="IChatPlatform.UpdateAsync"/> edits the sent message; otherwise it sends a short follow-up.</summary>
    public required bool CanEdit { get; init; }

    /// <summary><see cref="IChatPlatform.SendTextToUserAsync"/> reaches a user by user id.</summary>
    public required bool CanMessageUser { get; init; }

    /// <summary>Longest plain-text message the platform takes (digests and notices are split to fit).</summary>
    public required int MaxTextLength { get; init; }

    /// <summary>Members one mention message names; more go in further messages (the platform notifies no more per message).</summary>
    public int MaxMentionsPerMessage { get; init; } = 100;

    /// <summary>How the platform reads formatted text (replies and alerts are rendered in it; plain text stays plain).</summary>
    public PlatformMarkup Markup { get; init; } = PlatformMarkup.None;
}

/// <summary>The formatting language a platform reads in messages.</summary>
public enum PlatformMarkup
{
    /// <summary>Text is shown as written (the console).</summary>
    None,

    /// <summary>Telegram's HTML subset (parse_mode HTML: &lt;b&gt;, &lt;i&gt;, &lt;a href&gt;, …; &lt; &gt; &amp; escaped).</summary>
    TelegramHtml,

    /// <summary>Discord's markdown in message content and embeds (*, _, `, ~, | and &gt; escaped to show as written).</summary>
    DiscordMarkdown,
}

/// <summary>An addressee on one platform: a chat id, or (<see cref="IsUser"/>) a user reached privately.</summary>
public sealed record PlatformRecipient(string Id, bool IsUser);
