using NewsBot.Core.Delivery;

namespace NewsBot.Core.Tests.Delivery;

public class DeliveryDescriptionTests
{
    private static DeliveryPreferences Stored(string text)
    {
        Assert.True(DeliveryPreferencesText.TryParse(text, out var prefs, out var problem), problem);
        return prefs;
    }

    [Theory]
    [InlineData("digest=daily 08:00;quiet=22:00-07:00;tz=Europe/Berlin;limit=20",
        "Digest daily at 08:00 Europe/Berlin; quiet 22:00–07:00; at most 20 alerts an hour")]
    [InlineData("digest=daily 08:00,12:00,18:30;tz=Europe/Berlin;limit=20",
        "Digest daily at 08:00, 12:00 and 18:30 Europe/Berlin; no quiet hours; at most 20 alerts an hour")]
    [InlineData("digest=hourly;quiet=23:00-06:30;tz=Asia/Kolkata;limit=1",
        "Digest every hour; quiet 23:00–06:30 Asia/Kolkata; at most 1 alert an hour")]
    [InlineData("", "Alerts sent as they arrive; no quiet hours; at most 20 alerts an hour (default); time zone UTC")]
    public void Describe_sums_up_the_settings_in_one_line(string stored, string expected) =>
        Assert.Equal(expected, DeliveryDescription.Describe(Stored(stored), DeliveryPreferences.DefaultHourlyLimit));

    [Theory]
    [InlineData("", 50, "at most 50 alerts an hour (default)")]
    [InlineData("", 1, "at most 1 alert an hour (default)")]
    [InlineData("limit=20", 50, "at most 20 alerts an hour;")]
    [InlineData("limit=50", 50, "at most 50 alerts an hour;")]
    public void The_limit_shown_is_the_one_in_force_and_says_when_it_is_the_default(string stored, int defaultLimit, string expected) =>
        Assert.Contains(expected, DeliveryDescription.Describe(Stored(stored), defaultLimit), StringComparison.Ordinal);

    [Fact]
    public void Setting_quiet_hours_while_on_utc_hints_at_timezone()
    {
        var change = new DeliveryChange.SetQuiet(new QuietHours(new(22, 0), new(7, 0)));
        var reply = DeliveryDescription.Confirm(change, change.ApplyTo(DeliveryPreferences.Default), DeliveryPreferences.DefaultHourlyLimit);
        Assert.Equal(
            "Quiet from 22:00 to 07:00: alerts in that time arrive as one digest when it ends.\n" +
            "Alerts sent as they arrive; quiet 22:00–07:00 UTC; at most 20 alerts an hour (default).\n" +
            "Times are read in UTC; set yours with /timezone, e.g. /timezone Europe/Berlin.",
            reply.ToString());
    }

    [Fact]
    public void Confirming_a_zone_needs_no_hint()
    {
        Assert.True(TimeZoneLookup.TryFind("europe/berlin", out var berlin, out _));
        var change = new DeliveryChange.SetTimeZone(berlin);
        var prefs = change.ApplyTo(Stored("digest=daily 08:00"));
        Assert.Equal("Time zone set to Europe/Berlin.\nDigest daily at 08:00 Europe/Berlin; no quiet hours; at most 20 alerts an hour (default).",
            DeliveryDescription.Confirm(change, prefs, DeliveryPreferences.DefaultHourlyLimit).ToString());
    }
}
