using NewsBot.Core.Delivery;
using static NewsBot.Core.Tests.Delivery.PlannerTestKit;

namespace NewsBot.Core.Tests.Delivery;

/// <summary>
/// Daylight-saving changes in 2026: Berlin springs forward on 29 March at 01:00 UTC (02:00 → 03:00)
/// and falls back on 25 October at 01:00 UTC (03:00 → 02:00); New York on 8 March at 07:00 UTC
/// and 1 November at 06:00 UTC; Chatham (+12:45/+13:45) on 27 September local, 02:45 → 03:45.
/// </summary>
public class DeliveryPlannerDstTests
{
    [Theory]
    [InlineData("Europe/Berlin", "2026-03-28T12:00", "2026-03-29T01:00")]    // 02:30 does not exist → 03:00 CEST
    [InlineData("Europe/Berlin", "2026-03-29T01:00", "2026-03-30T00:30")]    // then back to 02:30 CEST
    [InlineData("America/New_York", "2026-03-07T12:00", "2026-03-08T07:00")] // 02:30 does not exist → 03:00 EDT
    [InlineData("America/New_York", "2026-03-08T07:00", "2026-03-09T06:30")]
    public void A_daily_digest_at_a_time_skipped_by_spring_forward_goes_when_the_clocks_jump(string zone, string now, string expected) =>
        Assert.Equal(Utc(expected), DeliveryPlanner.NextDigestAt(Prefs($"digest=daily 02:30;tz={zone}"), Utc(now)));

    [Fact]
    public void A_daily_digest_in_the_skipped_hour_of_a_quarter_hour_zone_goes_at_the_end_of_the_gap() =>
        // Chatham: 03:00 on 27 September does not exist; the clocks jump from 02:45 to 03:45 (14:00 UTC).
        Assert.Equal(Utc("2026-09-26T14:00"), DeliveryPlanner.NextDigestAt(Prefs("digest=daily 03:00;tz=Pacific/Chatham"), Utc("2026-09-26T00:00")));

    [Theory]
    [InlineData("Europe/Berlin", "2026-10-24T12:00", "2026-10-25T00:30")]    // first 02:30 (CEST)
    [InlineData("Europe/Berlin", "2026-10-25T00:30", "2026-10-26T01:30")]    // the repeated 02:30 (CET) is skipped
    [InlineData("America/New_York", "2026-10-31T12:00", "2026-11-01T05:30")] // first 01:30 (EDT), daily 01:30 below
    public void A_daily_digest_at_a_time_repeated_by_fall_back_goes_once(string zone, string now, string expected)
    {
        var time = zone == "Europe/Berlin" ? "02:30" : "01:30";
        Assert.Equal(Utc(expected), DeliveryPlanner.NextDigestAt(Prefs($"digest=daily {time};tz={zone}"), Utc(now)));
    }

    [Fact]
    public void New_york_daily_digest_after_the_first_repeated_time_is_tomorrows() =>
        Assert.Equal(Utc("2026-11-02T06:30"), DeliveryPlanner.NextDigestAt(Prefs("digest=daily 01:30;tz=America/New_York"), Utc("2026-11-01T05:30")));

    [Theory]
    [InlineData("2026-03-29T00:30", "2026-03-29T01:00")] // 01:30 CET: 02:00 is skipped, next whole hour is 03:00 CEST
    [InlineData("2026-03-29T01:00", "2026-03-29T02:00")] // 03:00 CEST → 04:00 CEST
    [InlineData("2026-10-25T00:10", "2026-10-25T01:00")] // 02:10 CEST → 02:00 CET (the clocks show a whole hour again)
    [InlineData("2026-10-25T01:00", "2026-10-25T02:00")] // 02:00 CET → 03:00 CET
    public void Hourly_digests_stay_an_hour_apart_across_dst(string now, string expected) =>
        Assert.Equal(Utc(expected), DeliveryPlanner.NextDigestAt(Prefs("digest=hourly;tz=Europe/Berlin"), Utc(now)));

    [Theory]
    [InlineData("2026-03-28T21:00", "2026-03-29T05:00")] // 22:00 CET → 07:00 CEST: eight real hours
    [InlineData("2026-03-29T00:59", "2026-03-29T05:00")] // 01:59 CET, a minute before the jump
    [InlineData("2026-03-29T01:00", "2026-03-29T05:00")] // 03:00 CEST
    public void Quiet_hours_across_spring_forward_end_at_local_seven(string now, string expected) =>
        Assert.Equal(Utc(expected), HeldUntil(DeliveryPlanner.Decide(Prefs("quiet=22:00-07:00;tz=Europe/Berlin"), DefaultLimit, Utc(now), 0), DigestKind.Away));

    [Theory]
    [InlineData("Europe/Berlin", "2026-10-24T20:30", "2026-10-25T06:00")]    // 22:30 CEST → 07:00 CET: ten real hours
    [InlineData("Europe/Berlin", "2026-10-25T00:30", "2026-10-25T06:00")]    // 02:30 CEST, first pass
    [InlineData("Europe/Berlin", "2026-10-25T01:30", "2026-10-25T06:00")]    // 02:30 CET, second pass
    [InlineData("America/New_York", "2026-11-01T03:00", "2026-11-01T12:00")] // 23:00 EDT → 07:00 EST
    [InlineData("America/New_York", "2026-11-01T06:30", "2026-11-01T12:00")] // 01:30 EST, the repeated hour
    public void Quiet_hours_across_fall_back_end_at_local_seven(string zone, string now, string expected) =>
        Assert.Equal(Utc(expected), HeldUntil(DeliveryPlanner.Decide(Prefs($"quiet=22:00-07:00;tz={zone}"), DefaultLimit, Utc(now), 0), DigestKind.Away));

    [Fact]
    public void Quiet_hours_ending_in_the_skipped_hour_end_when_the_clocks_jump() =>
        // 23:00–02:30: at 02:00 CET the clocks jump to 03:00 CEST, which is already outside quiet hours.
        Assert.Equal(Utc("2026-03-29T01:00"),
            HeldUntil(DeliveryPlanner.Decide(Prefs("quiet=23:00-02:30;tz=Europe/Berlin"), DefaultLimit, Utc("2026-03-28T23:00"), 0), DigestKind.Away));

    public static TheoryData<string, string> ZonesAndQuietHours => new()
    {
        { "Europe/Berlin", "22:00-07:00" },
        { "Europe/Berlin", "01:00-02:30" },
        { "America/New_York", "00:30-02:00" },
        { "Asia/Kolkata", "22:00-07:00" },
        { "Pacific/Chatham", "02:00-03:00" },
        { "Pacific/Chatham", "03:00-02:50" },
    };

    /// <summary>Every 7 minutes through 2026: a held alert is released at the first moment the wall clock is outside quiet hours.</summary>
    [Theory]
    [MemberData(nameof(ZonesAndQuietHours))]
    public void Held_alerts_are_released_exactly_when_quiet_hours_end_all_year(string zone, string quietHours)
    {
        var prefs = Prefs($"quiet={quietHours};tz={zone}");
        var quiet = prefs.Quiet!;
        for (var now = Utc("2026-01-01T00:00"); now.Year == 2026; now = now.AddMinutes(7))
        {
            var inQuiet = quiet.Contains(ZoneClock.WallClock(prefs.TimeZone, now));
            var decision = DeliveryPlanner.Decide(prefs, DefaultLimit, now, 0);
            if (!inQuiet)
            {
                Assert.IsType<DeliveryDecision.SendNow>(decision);
                continue;
            }
            var until = HeldUntil(decision, DigestKind.Away);
            Assert.True(until > now, $"{zone} {now:u}: held until {until:u}, not later");
            Assert.False(quiet.Contains(ZoneClock.WallClock(prefs.TimeZone, until)), $"{zone} {now:u}: still quiet at {until:u}");
            Assert.True(quiet.Contains(ZoneClock.WallClock(prefs.TimeZone, until.AddSeconds(-1))), $"{zone} {now:u}: quiet ended before {until:u}");
        }
    }

    /// <summary>Through 2026 in each zone a daily digest goes exactly once per local day, at or just after its time.</summary>
    [Theory]
    [InlineData("Europe/Berlin", "02:30")]
    [InlineData("America/New_York", "01:30")]
    [InlineData("Pacific/Chatham", "03:00")]
    [InlineData("Asia/Kolkata", "00:00")]
    public void A_daily_digest_goes_once_every_local_day_all_year(string zone, string time)
    {
        var prefs = Prefs($"digest=daily {time};tz={zone}");
        var days = new HashSet<DateOnly>();
        var at = DeliveryPlanner.NextDigestAt(prefs, Utc("2025-12-31T00:00"))!.Value;
        while (at.Year <= 2026)
        {
            Assert.True(days.Add(ZoneClock.LocalDate(prefs.TimeZone, at)), $"{zone}: two digests on {ZoneClock.LocalDate(prefs.TimeZone, at)}");
            var next = DeliveryPlanner.NextDigestAt(prefs, at)!.Value;
            Assert.InRange(next - at, TimeSpan.FromHours(22), TimeSpan.FromHours(26));
            at = next;
        }
        Assert.InRange(days.Count(d => d.Year == 2026), 365, 365);
    }
}
