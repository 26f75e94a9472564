namespace NewsBot.Sources.Fetching;

/// <summary>When to poll a source next, from its interval, its recent failures and what the server asked for.</summary>
public static class PollSchedule
{
    /// <summary>Longest wait between attempts while a source keeps failing: it is retried at least four times a day.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>
    /// Longest wait a server can impose through Cache-Control max-age or Retry-After. A hostile or
    /// misconfigured header ("max-age=31536000") must not silently stop a source for a year.
    /// </summary>
    public static readonly TimeSpan MaxServerFloor = TimeSpan.FromHours(24);

    /// <summary>
    /// The next poll time. On success (<paramref name="consecutiveFailures"/> = 0): the interval
    /// with ±10 % jitter so sources added together drift apart. On failure: interval × 2^failures,
    /// never below the interval and at most <see cref="MaxBackoff"/> (or the interval, if longer).
    /// Then <paramref name="minNextPoll"/> (max-age) and <paramref name="retryAfter"/> act as floors,
    /// each capped at <see cref="MaxServerFloor"/>. Pass a null <paramref name="jitter"/> for none.
    /// </summary>
    public static DateTimeOffset NextPoll(
        DateTimeOffset now, TimeSpan interval, int consecutiveFailures, TimeSpan? minNextPoll, TimeSpan? retryAfter, Random? jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var wait = consecutiveFailures > 0 ? Backoff(interval, consecutiveFailures) : Jittered(interval, jitter);
        wait = Max(wait, Floor(minNextPoll));
        wait = Max(wait, Floor(retryAfter));
        return now + wait;
    }

    /// <summary>
    /// The next poll after a success, on the source's own phase of its interval: every source has a
    /// fixed offset within the interval (from its id), and polls at the first instant on that offset
    /// at least half an interval from now (and past <paramref name="minNextPoll"/>). A source polled
    /// on time is polled again exactly one interval later; sources read together — 100,000 feeds
    /// added at once, or polled late in a burst after a stall — spread evenly over the next interval
    /// instead of coming due together again, so the load stays level without any coordination.
    /// </summary>
    public static DateTimeOffset NextOnPhase(DateTimeOffset now, TimeSpan interval, long sourceId, TimeSpan? minNextPoll)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var earliest = now.UtcTicks + Max(interval / 2, Floor(minNextPoll)).Ticks;
        var offset = (long)(Mix((ulong)sourceId) % (ulong)interval.Ticks);
        // The first tick >= earliest that is congruent to offset modulo the interval.
        var behind = ((earliest - offset) % interval.Ticks + interval.Ticks) % interval.Ticks;
        var next = behind == 0 ? earliest : earliest + interval.Ticks - behind;
        return new DateTimeOffset(Math.Min(next, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
    }

    /// <summary>A 64-bit finalizer (SplitMix64): consecutive ids get unrelated phases.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var cap = Max(MaxBackoff, interval);
        // Doubles rather than ticks: 2^failures overflows a long long before failures stops growing.
        var ticks = interval.Ticks * Math.Pow(2, Math.Min(failures, 64));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Jittered(TimeSpan interval, Random? jitter) =>
        jitter is null ? interval : interval * (0.9 + 0.2 * jitter.NextDouble());

    private static TimeSpan Floor(TimeSpan? serverWait) =>
        serverWait is not { } wait || wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > MaxServerFloor ? MaxServerFloor : wait;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
