using NewsBot.Core.Delivery;
using static NewsBot.Core.Tests.Delivery.PlannerTestKit;

namespace NewsBot.Core.Tests.Delivery;

public class DeliveryPlannerTests
{
    private static readonly DeliveryPreferences BerlinQuiet = Prefs("quiet=22:00-07:00;tz=Europe/Berlin");

    [Fact]
    public void Without_digest_or_quiet_hours_an_alert_goes_out_now() =>
        Assert.IsType<DeliveryDecision.SendNow>(DeliveryPlanner.Decide(DeliveryPreferences.Default, DefaultLimit, Utc("2026-01-15T03:00"), 0));

    [Theory]
    [InlineData("2026-01-15T20:59", null)]               // 21:59 CET, before quiet hours
    [InlineData("2026-01-15T21:00", "2026-01-16T06:00")] // 22:00 CET, quiet starts
    [InlineData("2026-01-15T22:30", "2026-01-16T06:00")] // 23:30, before midnight
    [InlineData("2026-01-16T02:00", "2026-01-16T06:00")] // 03:00, after midnight
    [InlineData("2026-01-16T05:59:59", "2026-01-16T06:00")]
    [InlineData("2026-01-16T06:00", null)]               // 07:00 CET, quiet is over
    public void Quiet_hours_across_midnight_hold_alerts_until_they_end(string now, string? heldUntil)
    {
        var decision = DeliveryPlanner.Decide(BerlinQuiet, DefaultLimit, Utc(now), 0);
        if (heldUntil is null) Assert.IsType<DeliveryDecision.SendNow>(decision);
        else Assert.Equal(Utc(heldUntil), HeldUntil(decision, DigestKind.Away));
    }

    [Theory]
    [InlineData("2026-07-01T10:59", null)]               // 12:59 CEST
    [InlineData("2026-07-01T11:00", "2026-07-01T12:30")] // 13:00
    [InlineData("2026-07-01T12:29", "2026-07-01T12:30")]
    [InlineData("2026-07-01T12:30", null)]               // 14:30
    public void Quiet_hours_within_a_day_hold_alerts_until_they_end(string now, string? heldUntil)
    {
        var decision = DeliveryPlanner.Decide(Prefs("quiet=13:00-14:30;tz=Europe/Berlin"), DefaultLimit, Utc(now), 0);
        if (heldUntil is null) Assert.IsType<DeliveryDecision.SendNow>(decision);
        else Assert.Equal(Utc(heldUntil), HeldUntil(decision, DigestKind.Away));
    }

    [Theory]
    [InlineData("2026-06-01T05:00", "2026-06-01T06:00")] // 07:00 CEST → today's 08:00
    [InlineData("2026-06-01T06:00", "2026-06-02T06:00")] // at 08:00 the digest is being sent: next is tomorrow's
    [InlineData("2026-06-01T21:59", "2026-06-02T06:00")]
    public void Daily_digest_holds_alerts_until_the_next_digest_time(string now, string expected) =>
        Assert.Equal(Utc(expected), HeldUntil(DeliveryPlanner.Decide(Prefs("digest=daily 08:00;tz=Europe/Berlin"), DefaultLimit, Utc(now), 0), DigestKind.Daily));

    [Theory]
    [InlineData("2026-06-01T05:00", "2026-06-01T06:00")] // 07:00 CEST → 08:00
    [InlineData("2026-06-01T07:00", "2026-06-01T16:30")] // 09:00 → 18:30
    [InlineData("2026-06-01T17:00", "2026-06-02T06:00")] // 19:00 → tomorrow 08:00
    public void Several_daily_times_use_the_next_one(string now, string expected) =>
        Assert.Equal(Utc(expected), DeliveryPlanner.NextDigestAt(Prefs("digest=daily 18:30,08:00;tz=Europe/Berlin"), Utc(now)));

    [Fact]
    public void Hourly_digest_goes_at_the_top_of_the_local_hour_in_a_half_hour_zone()
    {
        var kolkata = Prefs("digest=hourly;tz=Asia/Kolkata");
        // 15:40 IST → 16:00 IST, which is 10:30 UTC, not 11:00.
        Assert.Equal(Utc("2026-05-10T10:30"), HeldUntil(DeliveryPlanner.Decide(kolkata, DefaultLimit, Utc("2026-05-10T10:10"), 0), DigestKind.Hourly));
        Assert.Equal(Utc("2026-05-10T11:30"), DeliveryPlanner.NextDigestAt(kolkata, Utc("2026-05-10T10:30")));
    }

    [Fact]
    public void Hourly_digest_in_a_quarter_hour_zone_goes_at_the_local_hour() =>
        // Chatham is UTC+12:45 in winter: 12:45 local → 13:00 local = 00:15 UTC.
        Assert.Equal(Utc("2026-06-01T00:15"), DeliveryPlanner.NextDigestAt(Prefs("digest=hourly;tz=Pacific/Chatham"), Utc("2026-06-01T00:00")));

    [Fact]
    public void Quiet_hours_in_a_half_hour_zone_end_at_local_time() =>
        // 22:30 IST → held until 07:00 IST = 01:30 UTC.
        Assert.Equal(Utc("2026-05-11T01:30"),
            HeldUntil(DeliveryPlanner.Decide(Prefs("quiet=22:00-07:00;tz=Asia/Kolkata"), DefaultLimit, Utc("2026-05-10T17:00"), 0), DigestKind.Away));

    [Fact]
    public void A_daily_digest_due_in_quiet_hours_arrives_when_they_end() =>
        // 06:00 CEST is inside 22:00–07:00, so the digest waits for 07:00 CEST.
        Assert.Equal(Utc("2026-06-02T05:00"),
            DeliveryPlanner.NextDigestAt(Prefs("digest=daily 06:00;quiet=22:00-07:00;tz=Europe/Berlin"), Utc("2026-06-01T10:00")));

    [Fact]
    public void Hourly_digests_pause_during_quiet_hours() =>
        // 23:30 CEST: the midnight..06:00 digests would all be inside quiet hours; the next one is at 07:00.
        Assert.Equal(Utc("2026-06-02T05:00"),
            HeldUntil(DeliveryPlanner.Decide(Prefs("digest=hourly;quiet=22:00-07:00;tz=Europe/Berlin"), DefaultLimit, Utc("2026-06-01T21:30"), 0), DigestKind.Hourly));

    [Fact]
    public void No_next_digest_when_digests_are_off() =>
        Assert.Null(DeliveryPlanner.NextDigestAt(BerlinQuiet, Utc("2026-06-01T10:00")));

    [Fact]
    public void At_the_hourly_cap_the_alert_waits_for_the_oldest_send_to_leave_the_hour()
    {
        var prefs = Prefs("limit=20");
        Assert.IsType<DeliveryDecision.SendNow>(DeliveryPlanner.Decide(prefs, DefaultLimit, Utc("2026-01-15T12:30"), 19, Utc("2026-01-15T12:05")));
        var overflow = Assert.IsType<DeliveryDecision.Overflow>(DeliveryPlanner.Decide(prefs, DefaultLimit, Utc("2026-01-15T12:30"), 20, Utc("2026-01-15T12:05")));
        Assert.Equal(Utc("2026-01-15T13:05"), overflow.DigestAt);
    }

    [Fact]
    public void Without_the_oldest_send_time_the_overflow_digest_waits_a_full_hour() =>
        Assert.Equal(Utc("2026-01-15T13:30"),
            Assert.IsType<DeliveryDecision.Overflow>(DeliveryPlanner.Decide(Prefs("limit=3"), DefaultLimit, Utc("2026-01-15T12:30"), 3)).DigestAt);

    [Fact]
    public void An_overflow_digest_that_would_land_in_quiet_hours_waits_for_their_end()
    {
        // 21:30 CET, cap reached, the window frees at 22:10 CET: inside quiet hours, so 07:00 CET.
        var decision = DeliveryPlanner.Decide(BerlinQuiet with { HourlyLimit = 20 }, DefaultLimit, Utc("2026-01-15T20:30"), 20, Utc("2026-01-15T20:10"));
        Assert.Equal(Utc("2026-01-16T06:00"), Assert.IsType<DeliveryDecision.Overflow>(decision).DigestAt);
    }

    [Fact]
    public void A_burst_beyond_the_cap_rolls_into_one_overflow_digest_and_the_cap_frees_as_the_hour_rolls()
    {
        var prefs = Prefs("limit=20");
        var sent = new List<DateTimeOffset>();
        var overflowAt = new List<DateTimeOffset>();
        var start = Utc("2026-01-15T12:00");
        for (var minute = 0; minute < 25; minute++)
        {
            var now = start.AddMinutes(minute);
            var window = sent.Where(s => s > now.AddHours(-1)).ToList();
            switch (DeliveryPlanner.Decide(prefs, DefaultLimit, now, window.Count, window.Count > 0 ? window.Min() : null))
            {
                case DeliveryDecision.SendNow: sent.Add(now); break;
                case DeliveryDecision.Overflow o: overflowAt.Add(o.DigestAt); break;
                default: Assert.Fail("no digest or quiet hours are set"); break;
            }
        }
        Assert.Equal(20, sent.Count);
        Assert.Equal(5, overflowAt.Count);
        Assert.All(overflowAt, at => Assert.Equal(Utc("2026-01-15T13:00"), at)); // all five in one digest

        // Half a minute after the oldest send left the hour, one slot is free again.
        var later = Utc("2026-01-15T13:00:30");
        var stillInWindow = sent.Where(s => s > later.AddHours(-1)).ToList();
        Assert.Equal(19, stillInWindow.Count);
        Assert.IsType<DeliveryDecision.SendNow>(DeliveryPlanner.Decide(prefs, DefaultLimit, later, stillInWindow.Count, stillInWindow.Min()));
    }

    [Theory]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, false)]
    [InlineData(50, 20, true)]
    public void A_chat_that_chose_no_limit_is_capped_by_the_configured_default(int defaultLimit, int sentInLastHour, bool sendsNow)
    {
        var decision = DeliveryPlanner.Decide(DeliveryPreferences.Default, defaultLimit, Utc("2026-01-15T12:30"), sentInLastHour, Utc("2026-01-15T12:05"));
        Assert.Equal(sendsNow, decision is DeliveryDecision.SendNow);
    }

    [Theory]
    [InlineData(5, 10, true)]
    [InlineData(500, 20, false)]
    public void A_chat_s_own_limit_wins_over_the_default(int defaultLimit, int sentInLastHour, bool sendsNow)
    {
        var decision = DeliveryPlanner.Decide(Prefs("limit=20"), defaultLimit, Utc("2026-01-15T12:30"), sentInLastHour, Utc("2026-01-15T12:05"));
        Assert.Equal(sendsNow, decision is DeliveryDecision.SendNow);
    }
}
