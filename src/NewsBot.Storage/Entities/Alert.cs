namespace NewsBot.Storage.Entities;

public enum AlertStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// An alert is a row before it is a message: created in the same transaction that records the
/// match, unique per chat and article, marked sent only after the platform accepted it.
/// </summary>
public sealed class Alert : IOutboxRow
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public Chat? Chat { get; set; }
    public long ArticleId { get; set; }
    public Article? Article { get; set; }
    public long? FilterId { get; set; }

    /// <summary>
    /// A personal alert (a member's <c>/follow</c> filter): the shared chat the filter lives in. The alert's
    /// <see cref="ChatId"/> is the member's private chat; when that cannot be reached the member is mentioned
    /// in this chat instead (<see cref="MemberMention"/>). Null for a chat's own alert.
    /// </summary>
    public long? ViaChatId { get; set; }

    /// <summary>The story of the article; a chat has at most one alert per story.</summary>
    public long? StoryId { get; set; }
    public Story? Story { get; set; }

    /// <summary>Set when the story gained a source (or merged) after the alert was sent: the message is edited in place, never re-sent.</summary>
    public bool UpdatePending { get; set; }

    /// <summary>
    /// Raised by one atomic increment whenever the story's sources change. The sender keeps the
    /// value it read before rendering and clears <see cref="UpdatePending"/> only if it is still the
    /// same, so a source added while a message was in flight always gets its edit.
    /// </summary>
    public int SourcesVersion { get; set; }

    /// <summary>
    /// The "also" names the message showed when last sent or edited, in its order, joined by
    /// <see cref="TermSeparator"/>. Written only by the sender holding the alert's claim, never by a
    /// poll: the next edit lists them first, so it never drops a name it showed (platforms show the first few).
    /// </summary>
    public string ShownAlso { get; set; } = "";

    /// <summary>The filter terms that matched, joined by <see cref="TermSeparator"/>.</summary>
    public required string MatchedTerms { get; set; }

    public AlertStatus Status { get; set; }

    /// <summary>
    /// Set when the alert is held for a digest (quiet hours, digest mode, over the hourly limit):
    /// the digest kind's name. Held alerts that come due go out together as one digest.
    /// </summary>
    public string? HeldFor { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A sender owns the alert until this time; after it, another sender may take it over.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }
    public string? PlatformMessageId { get; set; }
    public string? LastError { get; set; }

    public const char TermSeparator = '\u001F';
}
