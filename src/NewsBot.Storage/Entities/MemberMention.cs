namespace NewsBot.Storage.Entities;

/// <summary>
/// A personal alert that could not go privately (the member never started the bot, blocked it, closed
/// DMs): the member is mentioned in the shared chat instead. Pending mentions of one article in one chat
/// go out together as one short message naming everyone (an outbox row like alerts and notices).
/// </summary>
public sealed class MemberMention : IOutboxRow
{
    public long Id { get; set; }

    /// <summary>The shared chat (group, topic, channel) the member's filter lives in.</summary>
    public long ChatId { get; set; }
    public Chat? Chat { get; set; }
    public long ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>The platform's user id of the member mentioned.</summary>
    public required string UserId { get; set; }

    /// <summary>How the mention is shown where the platform needs a name (Telegram text mention).</summary>
    public string? UserName { get; set; }

    /// <summary>The member's filter terms that matched, joined by <see cref="Alert.TermSeparator"/>.</summary>
    public string MatchedTerms { get; set; } = "";

    public AlertStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? PlatformMessageId { get; set; }
    public string? LastError { get; set; }
}
