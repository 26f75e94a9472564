using NewsBot.Core.Delivery;

namespace NewsBot.Core.Tests.Delivery;

public class DeliveryPreferencesTextTests
{
    [Theory]
    [InlineData("digest=off;quiet=off;tz=UTC;limit=20")]
    [InlineData("digest=hourly;quiet=22:00-07:00;tz=Asia/Kolkata;limit=1")]
    [InlineData("digest=daily 02:30,08:00,18:30;quiet=13:00-14:30;tz=Pacific/Chatham;limit=1000")]
    [InlineData("digest=hourly;quiet=off;tz=Europe/Berlin")]
    public void Stored_text_reads_back_to_the_same_preferences(string stored)
    {
        Assert.True(DeliveryPreferencesText.TryParse(stored, out var prefs, out var problem), problem);
        Assert.Equal(stored, DeliveryPreferencesText.Format(prefs));
        Assert.True(DeliveryPreferencesText.TryParse(DeliveryPreferencesText.Format(prefs), out var again, out _));
        Assert.Equal(prefs, again);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_column_means_the_defaults(string? stored)
    {
        Assert.True(DeliveryPreferencesText.TryParse(stored, out var prefs, out _));
        Assert.Equal(DeliveryPreferences.Default, prefs);
        Assert.Null(prefs.HourlyLimit); // the configured default applies
        Assert.Equal(20, prefs.HourlyLimitOr(DeliveryPreferences.DefaultHourlyLimit));
        Assert.Equal(DigestMode.Off, prefs.Digest.Mode);
        Assert.Null(prefs.Quiet);
    }

    [Fact]
    public void A_chat_that_never_chose_a_limit_is_stored_without_one()
    {
        var prefs = DeliveryPreferences.Default with { Quiet = new QuietHours(new(22, 0), new(7, 0)) };
        Assert.Equal("digest=off;quiet=22:00-07:00;tz=UTC", DeliveryPreferencesText.Format(prefs));
        Assert.True(DeliveryPreferencesText.TryParse(DeliveryPreferencesText.Format(prefs), out var again, out _));
        Assert.Null(again.HourlyLimit);
        Assert.Equal(7, again.HourlyLimitOr(7));
    }

    [Fact]
    public void A_limit_stored_by_an_older_version_stays_the_chat_s_own()
    {
        // Before the limit became a setting every stored row said limit=20, chosen or not; it may have been chosen.
        Assert.True(DeliveryPreferencesText.TryParse("digest=off;quiet=off;tz=UTC;limit=20", out var prefs, out _));
        Assert.Equal(20, prefs.HourlyLimit);
        Assert.Equal(20, prefs.HourlyLimitOr(100));
    }

    [Fact]
    public void Keys_a_newer_version_added_are_ignored()
    {
        Assert.True(DeliveryPreferencesText.TryParse("limit=7;snooze=until-monday;tz=Europe/Berlin", out var prefs, out _));
        Assert.Equal(7, prefs.HourlyLimit);
        Assert.Equal("Europe/Berlin", prefs.TimeZone.Id);
    }

    [Theory]
    [InlineData("limit=0", "delivery preferences 'limit=0': limit: '0' is not a limit from 1 to 1000")]
    [InlineData("tz=Mars/Base", "delivery preferences 'tz=Mars/Base': tz: 'Mars/Base' is not a time zone I know; give an IANA zone such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("quiet=07:00-07:00", "delivery preferences 'quiet=07:00-07:00': quiet: quiet hours need different start and end times; quiet hours look like 22:00-07:00")]
    [InlineData("digest=weekly", "delivery preferences 'digest=weekly': digest: 'weekly' is not a digest mode; use /digest off, /digest hourly or /digest daily 08:00")]
    [InlineData("digest=", "delivery preferences 'digest=': digest: give a digest mode: /digest off, /digest hourly or /digest daily 08:00")]
    [InlineData("quiet=;limit=5", "delivery preferences 'quiet=;limit=5': quiet: '' is not a start and end; quiet hours look like 22:00-07:00 (or /quiet off)")]
    [InlineData("tz=", "delivery preferences 'tz=': tz: give a time zone such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("garbage", "delivery preferences 'garbage': 'garbage' is not key=value")]
    public void A_damaged_column_names_the_bad_part_and_falls_back_to_defaults(string stored, string expected)
    {
        Assert.False(DeliveryPreferencesText.TryParse(stored, out var prefs, out var problem));
        Assert.Equal(expected, problem);
        Assert.Equal(DeliveryPreferences.Default, prefs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Hourly_limit_outside_1_to_1000_is_refused(int limit)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryPreferences.Default with { HourlyLimit = limit });
        Assert.Contains("outside 1..1000", e.Message);
    }
}
