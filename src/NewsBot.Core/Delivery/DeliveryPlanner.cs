namespace NewsBot.Core.Delivery;

/// <summary>
/// Decides when an alert reaches a chat. The rules, in order:
/// <list type="number">
/// <item>Digest mode: held until the next digest time.</item>
/// <item>Quiet hours: held until they end; the held alerts arrive as one digest.</item>
/// <item>Hourly cap reached: the alert joins an "N more alerts" digest sent when the oldest send
/// leaves the rolling hour, so the digest itself is the next message the cap allows.</item>
/// <item>Otherwise it is sent now.</item>
/// </list>
/// Any delivery instant that falls inside quiet hours moves to their end: a 06:00 daily digest
/// with quiet hours 22:00–07:00 arrives at 07:00. Pure: the caller passes the current instant.
/// </summary>
public static class DeliveryPlanner
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <param name="prefs">The chat's stored preferences.</param>
    /// <param name="defaultHourlyLimit">The cap of a chat that chose none (NewsBot:Delivery:DefaultHourlyLimit).</param>
    /// <param name="now">The current instant (the host's <see cref="TimeProvider"/>).</param>
    /// <param name="sentInLastHour">Alerts and digests this chat was sent in the rolling hour before <paramref name="now"/>.</param>
    /// <param name="oldestSentInLastHour">When the oldest of those was sent; without it the overflow digest waits a full hour.</param>
    public static DeliveryDecision Decide(DeliveryPreferences prefs, int defaultHourlyLimit, DateTimeOffset now, int sentInLastHour, DateTimeOffset? oldestSentInLastHour = null)
    {
        if (NextDigestAt(prefs, now) is { } digestAt)
            return new DeliveryDecision.HoldUntil(digestAt, prefs.Digest.Mode == DigestMode.Hourly ? DigestKind.Hourly : DigestKind.Daily);
        if (QuietEndsAt(prefs, now) is { } quietEnd)
            return new DeliveryDecision.HoldUntil(quietEnd, DigestKind.Away);
        if (sentInLastHour < prefs.HourlyLimitOr(defaultHourlyLimit))
            return new DeliveryDecision.SendNow();
        var windowFrees = oldestSentInLastHour is { } oldest && oldest + Window > now ? oldest + Window : now + Window;
        return new DeliveryDecision.Overflow(OutsideQuietHours(prefs, windowFrees));
    }

    /// <summary>When the next digest goes out (strictly after <paramref name="now"/>), or null when digests are off.</summary>
    public static DateTimeOffset? NextDigestAt(DeliveryPreferences prefs, DateTimeOffset now)
    {
        var zone = prefs.TimeZone;
        DateTimeOffset? scheduled = prefs.Digest.Mode switch
        {
            DigestMode.Hourly => ZoneClock.NextWholeHour(zone, now),
            DigestMode.Daily => prefs.Digest.DailyTimes.Min(t => ZoneClock.Next(zone, t, now, oncePerDay: true)),
            _ => null,
        };
        return scheduled is { } at ? OutsideQuietHours(prefs, at) : null;
    }

    /// <summary>When the quiet period around <paramref name="now"/> ends, or null when <paramref name="now"/> is not in quiet hours.</summary>
    public static DateTimeOffset? QuietEndsAt(DeliveryPreferences prefs, DateTimeOffset now)
    {
        if (prefs.Quiet is not { } quiet || !quiet.Contains(ZoneClock.WallClock(prefs.TimeZone, now))) return null;
        var end = ZoneClock.Next(prefs.TimeZone, quiet.End, now, oncePerDay: false);
        // When a spring-forward gap swallows the whole time between end and start (quiet 03:00–02:50
        // on Chatham's 02:45→03:45 day), the clocks land in quiet hours again; the next end counts.
        for (var day = 0; day < 3 && quiet.Contains(ZoneClock.WallClock(prefs.TimeZone, end)); day++)
            end = ZoneClock.Next(prefs.TimeZone, quiet.End, end, oncePerDay: false);
        return end;
    }

    private static DateTimeOffset OutsideQuietHours(DeliveryPreferences prefs, DateTimeOffset instant) =>
        QuietEndsAt(prefs, instant) ?? instant;
}
