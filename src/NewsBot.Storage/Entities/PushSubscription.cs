namespace NewsBot.Storage.Entities;

/// <summary>
/// A WebSub subscription (W3C WebSub) of one source at the hub its feed advertises. The hub calls
/// back {CallbackBaseUrl}/websub/{CallbackId}; every instance behind that URL answers from this row.
/// </summary>
public sealed class PushSubscription
{
    public long Id { get; set; }

    public long SourceId { get; set; }

    /// <summary>The unguessable last segment of the callback URL (128 random bits, hex).</summary>
    public required string CallbackId { get; set; }

    public required string HubUrl { get; set; }

    /// <summary>hub.topic: the feed's rel="self" address, or the address it was fetched from.</summary>
    public required string Topic { get; set; }

    /// <summary>hub.secret: the HMAC key of X-Hub-Signature (WebSub 5.1: under 200 bytes).</summary>
    public required string Secret { get; set; }

    public PushState State { get; set; }

    /// <summary>The request sent to the hub and not yet verified ("subscribe", "unsubscribe"); what a verification of intent must match.</summary>
    public string? PendingMode { get; set; }

    /// <summary>When the hub's lease ends (from the verified hub.lease_seconds); push counts only before it.</summary>
    public DateTime? ActiveUntil { get; set; }

    /// <summary>When to send the next request to the hub (first attempt, retry, renewal); null: nothing due.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>One instance sends a request at a time: it claims the row until this time.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>The last failed request ("HTTP 500 Internal Server Error") or the hub's hub.reason of a denial.</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Where a subscription stands with its hub.</summary>
public enum PushState
{
    /// <summary>Asked for (or about to be); the hub has not verified it yet.</summary>
    Pending = 0,

    /// <summary>Verified by the hub; content arrives until <see cref="PushSubscription.ActiveUntil"/>.</summary>
    Active = 1,

    /// <summary>The hub said no (hub.mode=denied); the source is polled as before.</summary>
    Denied = 2,

    /// <summary>The lease ran out without a renewal; the source is polled as before while we ask again.</summary>
    Lapsed = 3,

    /// <summary>The source was paused: unsubscribed (or unsubscribing).</summary>
    Unsubscribed = 4,
}
