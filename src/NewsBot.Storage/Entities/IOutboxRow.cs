namespace NewsBot.Storage.Entities;

/// <summary>
/// The columns every outbox table shares (alerts, source notices), so the host's one outbox claims,
/// retries and records them with one set of rules whatever the kind of item.
/// </summary>
public interface IOutboxRow
{
    long Id { get; }
    AlertStatus Status { get; set; }
    int Attempts { get; set; }
    DateTime NextAttemptAt { get; set; }

    /// <summary>A sender owns the row until this time; after it, another sender may take it over.</summary>
    DateTime? ClaimedUntil { get; set; }
    DateTime? SentAt { get; set; }
    string? LastError { get; set; }
}
