namespace NewsBot.Core.Delivery;

/// <summary>Why alerts were bundled; decides the digest's header.</summary>
public enum DigestKind
{
    /// <summary>Held during quiet hours: "12 alerts while you were away".</summary>
    Away,
    Hourly,
    Daily,
    /// <summary>Over the hourly cap: "5 more alerts this hour".</summary>
    Overflow,
}

/// <summary>What to do with one new alert for a chat.</summary>
public abstract record DeliveryDecision
{
    public sealed record SendNow : DeliveryDecision;

    /// <summary>
    /// Keep the alert and send it in a digest of kind <see cref="Kind"/> at <see cref="Until"/> (UTC).
    /// The host sends all of a chat's held alerts that are due as one digest.
    /// </summary>
    public sealed record HoldUntil(DateTimeOffset Until, DigestKind Kind) : DeliveryDecision;

    /// <summary>The hourly cap is reached: the alert joins an "N more alerts" digest sent at <see cref="DigestAt"/> (UTC).</summary>
    public sealed record Overflow(DateTimeOffset DigestAt) : DeliveryDecision;
}
