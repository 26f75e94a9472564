namespace NewsBot.Core.Delivery;

public enum DigestMode { Off, Hourly, Daily }

/// <summary>
/// When a chat's alerts are bundled into one message. <see cref="DailyTimes"/> are wall-clock
/// times in the chat's time zone, sorted and distinct, whole minutes; empty unless the mode is Daily.
/// </summary>
public sealed record DigestSchedule
{
    /// <summary>More daily digests than this stops being a digest.</summary>
    public const int MaxDailyTimes = 24;

    private DigestSchedule(DigestMode mode, IReadOnlyList<TimeOnly> dailyTimes)
    {
        Mode = mode;
        DailyTimes = dailyTimes;
    }

    public DigestMode Mode { get; }
    public IReadOnlyList<TimeOnly> DailyTimes { get; }

    /// <summary>Every alert is its own message.</summary>
    public static DigestSchedule Off { get; } = new(DigestMode.Off, []);

    /// <summary>One digest at the top of every local hour.</summary>
    public static DigestSchedule Hourly { get; } = new(DigestMode.Hourly, []);

    public static DigestSchedule Daily(params IEnumerable<TimeOnly> times)
    {
        var sorted = times.Select(t => new TimeOnly(t.Hour, t.Minute)).Distinct().Order().ToList();
        if (sorted.Count == 0)
            throw new ArgumentException("digest schedule: a daily digest needs at least one time", nameof(times));
        if (sorted.Count > MaxDailyTimes)
            throw new ArgumentException($"digest schedule: {sorted.Count} daily times, the most is {MaxDailyTimes}", nameof(times));
        return new DigestSchedule(DigestMode.Daily, sorted);
    }

    public bool Equals(DigestSchedule? other) =>
        other is not null && Mode == other.Mode && DailyTimes.SequenceEqual(other.DailyTimes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Mode);
        foreach (var t in DailyTimes) hash.Add(t);
        return hash.ToHashCode();
    }

    public override string ToString() => Mode switch
    {
        DigestMode.Daily => "daily " + string.Join(",", DailyTimes.Select(ClockTime.Format)),
        _ => Mode.ToString().ToLowerInvariant(),
    };
}
