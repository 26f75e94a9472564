namespace NewsBot.Core.Delivery;

/// <summary>
/// Turns wall-clock times in a zone into instants, across daylight-saving changes.
/// <list type="bullet">
/// <item>A time that happens twice (autumn fall-back) has two instants, the earlier first.</item>
/// <item>A time that never happens (spring-forward gap, e.g. 02:30 in Berlin on the last Sunday of
/// March) is placed at the instant the clocks jump over it: the end of the gap (03:00 there).
/// We chose this over "shift by the gap length" (03:30) because it agrees with reading quiet
/// hours off the wall clock: at 03:00 a 23:00–02:30 quiet period is over.</item>
/// </list>
/// Assumes at most one offset change within a day of the time asked for, true of every zone in
/// the IANA database since 1970.
/// </summary>
public static class ZoneClock
{
    public static TimeOnly WallClock(TimeZoneInfo zone, DateTimeOffset instant) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instants at which <paramref name="zone"/>'s clocks show <paramref name="local"/> (see the class remarks).</summary>
    public static IReadOnlyList<DateTimeOffset> Instants(TimeZoneInfo zone, DateTime local)
    {
        var asUtc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        var before = zone.GetUtcOffset(new DateTimeOffset(asUtc.AddDays(-1)));
        var after = zone.GetUtcOffset(new DateTimeOffset(asUtc.AddDays(1)));
        var found = new List<DateTimeOffset>(2);
        foreach (var offset in before == after ? [before] : new[] { before, after })
        {
            var candidate = new DateTimeOffset(asUtc - offset, TimeSpan.Zero);
            if (zone.GetUtcOffset(candidate) == offset) found.Add(candidate);
        }
        if (found.Count > 0)
        {
            found.Sort();
            return found;
        }
        return [GapEnd(zone, new DateTimeOffset(asUtc - after, TimeSpan.Zero), new DateTimeOffset(asUtc - before, TimeSpan.Zero), after)];
    }

    /// <summary>The first instant after <paramref name="after"/> at which the clocks show (or skip over) <paramref name="time"/>.</summary>
    /// <param name="oncePerDay">Count a time that happens twice on a fall-back day once (for digests); quiet hours count both.</param>
    public static DateTimeOffset Next(TimeZoneInfo zone, TimeOnly time, DateTimeOffset after, bool oncePerDay)
    {
        var today = LocalDate(zone, after);
        for (var day = today.AddDays(-1); ; day = day.AddDays(1))
        {
            var instants = Instants(zone, day.ToDateTime(time));
            foreach (var instant in oncePerDay ? instants.Take(1) : instants)
                if (instant > after) return instant;
        }
    }

    /// <summary>The first instant after <paramref name="after"/> at which the wall clock shows a whole hour.</summary>
    public static DateTimeOffset NextWholeHour(TimeZoneInfo zone, DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified).AddHours(-1);
        for (; ; hour = hour.AddHours(1))
            foreach (var instant in Instants(zone, hour))
                if (instant > after) return instant;
    }

    // The clocks jump forward between lo (old offset) and hi (new offset); find the first whole
    // second at the new offset. Transitions in the IANA database fall on whole seconds.
    private static DateTimeOffset GapEnd(TimeZoneInfo zone, DateTimeOffset lo, DateTimeOffset hi, TimeSpan newOffset)
    {
        var loSec = lo.ToUnixTimeSeconds();
        var hiSec = hi.ToUnixTimeSeconds();
        while (hiSec - loSec > 1)
        {
            var mid = loSec + (hiSec - loSec) / 2;
            if (zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(mid)) == newOffset) hiSec = mid;
            else loSec = mid;
        }
        return DateTimeOffset.FromUnixTimeSeconds(hiSec);
    }
}
