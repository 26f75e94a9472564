namespace NewsBot.Storage.Entities;

public enum SourceNoticeKind
{
    Failing = 0,
    Recovered = 1,

    /// <summary>
    /// Not about the source's health: a forum topic or thread was closed or deleted, told once to the chat it belongs
    /// to. <see cref="SourceNotice.SourceId"/> is the source whose alert (or notice) found the topic gone.
    /// </summary>
    TopicGone = 2,
}

/// <summary>
/// A message telling a chat or an admin that a source has been failing or works again. Like an
/// alert it is a row before it is a message: queued together with the source's notice mark, sent
/// and marked by the sender, so a restart or a second instance never sends it twice.
/// </summary>
public sealed class SourceNotice : IOutboxRow
{
    public long Id { get; set; }
    public long SourceId { get; set; }
    public Source? Source { get; set; }
    public SourceNoticeKind Kind { get; set; }

    /// <summary>Matches <c>IChatPlatform.Name</c>.</summary>
    public required string Platform { get; set; }

    /// <summary>The platform's chat id, or <see cref="UserTargetPrefix"/> + user id for a Discord admin (a DM channel is opened when sending).</summary>
    public required string Target { get; set; }

    /// <summary>The subscribed chat told; null for an admin's notice.</summary>
    public long? ChatId { get; set; }

    /// <summary>The finished text (plain, never markup), composed when the notice was queued.</summary>
    public required string Text { get; set; }

    /// <summary>Pending, Sent or Failed, with the same meaning as for alerts.</summary>
    public AlertStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A sender owns the notice until this time.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    public const string UserTargetPrefix = "user:";
}
