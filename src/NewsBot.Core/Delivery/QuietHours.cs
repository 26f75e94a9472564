namespace NewsBot.Core.Delivery;

/// <summary>
/// A daily wall-clock period, start inclusive, end exclusive, in the chat's time zone. When
/// <see cref="Start"/> is later than <see cref="End"/> the period crosses midnight (22:00–07:00).
/// </summary>
public sealed record QuietHours
{
    public QuietHours(TimeOnly start, TimeOnly end)
    {
        start = new TimeOnly(start.Hour, start.Minute);
        end = new TimeOnly(end.Hour, end.Minute);
        if (start == end)
            throw new ArgumentException($"quiet hours {ClockTime.Format(start)}-{ClockTime.Format(end)}: start and end must differ", nameof(end));
        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }
    public TimeOnly End { get; }

    public bool CrossesMidnight => Start > End;

    /// <summary>Whether a wall-clock time falls inside the period.</summary>
    public bool Contains(TimeOnly wallClock) => CrossesMidnight
        ? wallClock >= Start || wallClock < End
        : wallClock >= Start && wallClock < End;

    public override string ToString() => $"{ClockTime.Format(Start)}-{ClockTime.Format(End)}";
}
