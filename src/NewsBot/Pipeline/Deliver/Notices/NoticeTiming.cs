using NewsBot.Core.Delivery;

namespace NewsBot.Pipeline.Deliver.Notices;

/// <summary>
/// When a source notice may reach a chat, by the chat's own delivery settings, as its alerts would: in digest mode
/// with the first digest after the notice was queued; otherwise at once, unless quiet hours are on, then when they
/// end. Pure and computed from the notice's queue time, so every round and every instance agrees and a notice
/// waiting for a digest is not pushed to the one after.
/// </summary>
public static class NoticeTiming
{
    /// <summary>The instant the notice may go, or null when it may go now.</summary>
    public static DateTimeOffset? WaitUntil(DeliveryPreferences prefs, DateTimeOffset queuedAt, DateTimeOffset now)
    {
        var at = DeliveryPlanner.NextDigestAt(prefs, queuedAt) ?? DeliveryPlanner.QuietEndsAt(prefs, now);
        return at is { } wait && wait > now ? wait : null;
    }
}
