namespace NewsBot.Core.Delivery;

/// <summary>
/// How a chat wants its alerts delivered: one by one or as digests, quiet hours, time zone and a
/// cap on alerts per rolling hour. Stored on the chat row as one text column, see
/// <see cref="DeliveryPreferencesText"/>.
/// </summary>
public sealed record DeliveryPreferences
{
    /// <summary>The built-in value of NewsBot:Delivery:DefaultHourlyLimit, the cap of a chat that never chose one.</summary>
    public const int DefaultHourlyLimit = 20;
    public const int MinHourlyLimit = 1;
    public const int MaxHourlyLimit = 1000;

    private readonly int? _hourlyLimit;

    /// <summary>Alerts one by one, no quiet hours, UTC, the operator's default hourly limit.</summary>
    public static DeliveryPreferences Default { get; } = new();

    public DigestSchedule Digest { get; init; } = DigestSchedule.Off;

    /// <summary><c>null</c> when the chat has no quiet hours.</summary>
    public QuietHours? Quiet { get; init; }

    /// <summary>The zone digest times and quiet hours are read in.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// The cap the chat chose with /limit: at most this many alerts per rolling hour, the rest roll
    /// into an "N more alerts" digest. <c>null</c> until it chooses one; then the operator's default
    /// applies (<see cref="HourlyLimitOr"/>), so changing the setting changes every such chat.
    /// </summary>
    public int? HourlyLimit
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

    /// <summary>The cap in force: the chat's own, else <paramref name="defaultHourlyLimit"/>.</summary>
    public int HourlyLimitOr(int defaultHourlyLimit) => HourlyLimit ?? defaultHourlyLimit;

    public bool Equals(DeliveryPreferences? other) =>
        other is not null && Digest.Equals(other.Digest) && Equals(Quiet, other.Quiet) &&
        TimeZone.Id == other.TimeZone.Id && HourlyLimit == other.HourlyLimit;

    public override int GetHashCode() => HashCode.Combine(Digest, Quiet, TimeZone.Id, HourlyLimit);

    public override string ToString() => DeliveryPreferencesText.Format(this);
}
