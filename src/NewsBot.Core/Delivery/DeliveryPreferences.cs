namespace NewsBot.Core.Delivery;

/// <summary>
/// How a chat wants its alerts delivered: one by one or as digests, quiet hours, time zone and a
/// cap on alerts per rolling hour. Stored on the chat row as one text column, see
/// <see cref="DeliveryPreferencesText"/>.
/// </summary>
public sealed record DeliveryPreferences
{
    public const int DefaultHourlyLimit = 20;
    public const int MinHourlyLimit = 1;
    public const int MaxHourlyLimit = 1000;

    private readonly int _hourlyLimit = DefaultHourlyLimit;

    /// <summary>Alerts one by one, no quiet hours, UTC, 20 an hour.</summary>
    public static DeliveryPreferences Default { get; } = new();

    public DigestSchedule Digest { get; init; } = DigestSchedule.Off;

    /// <summary><c>null</c> when the chat has no quiet hours.</summary>
    public QuietHours? Quiet { get; init; }

    /// <summary>The zone digest times and quiet hours are read in.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>At most this many alerts per rolling hour; the rest roll into an "N more alerts" digest.</summary>
    public int HourlyLimit
    {
        get => _hourlyLimit;
        init
        {
            if (value is < MinHourlyLimit or > MaxHourlyLimit)
                throw new ArgumentOutOfRangeException(nameof(HourlyLimit), value,
                    $"delivery preferences: hourly limit {value} is outside {MinHourlyLimit}..{MaxHourlyLimit}");
            _hourlyLimit = value;
        }
    }

    public bool Equals(DeliveryPreferences? other) =>
        other is not null && Digest.Equals(other.Digest) && Equals(Quiet, other.Quiet) &&
        TimeZone.Id == other.TimeZone.Id && HourlyLimit == other.HourlyLimit;

    public override int GetHashCode() => HashCode.Combine(Digest, Quiet, TimeZone.Id, HourlyLimit);

    public override string ToString() => DeliveryPreferencesText.Format(this);
}
