using NewsBot.Core.Commands;
using NewsBot.Core.Delivery;

namespace NewsBot.Core.Tests.Delivery;

public class DeliveryCommandParserTests
{
    private static DeliveryPreferences Apply(string command, string args)
    {
        var result = DeliveryCommandParser.Parse(command, args);
        var parsed = Assert.IsType<DeliveryParseResult.Parsed>(result);
        return parsed.Change.ApplyTo(DeliveryPreferences.Default);
    }

    private static string Problem(string command, string args)
    {
        var invalid = Assert.IsType<DeliveryParseResult.Invalid>(DeliveryCommandParser.Parse(command, args));
        Assert.Equal(command, invalid.CommandName);
        var reply = CommandReplies.Malformed(new ChatCommand.Malformed(invalid.CommandName, invalid.Problem)).Text;
        Assert.Contains("\nUsage: /" + command, reply);
        return invalid.Problem.ToString();
    }

    [Theory]
    [InlineData("off", "off")]
    [InlineData("OFF", "off")]
    [InlineData("hourly", "hourly")]
    [InlineData("daily 08:00", "daily 08:00")]
    [InlineData("daily 8:00", "daily 08:00")]
    [InlineData("daily 8", "daily 08:00")]
    [InlineData("daily at 8am", "daily 08:00")]
    [InlineData("daily 18:30,08:00", "daily 08:00,18:30")]
    [InlineData("daily 08:00, 18:30", "daily 08:00,18:30")]
    [InlineData("daily 08:00 18:30 08:00", "daily 08:00,18:30")]
    [InlineData("daily 8 am and 6:15 pm", "daily 08:00,18:15")]
    [InlineData("daily 12am", "daily 00:00")]
    [InlineData("daily 0730", "daily 07:30")]
    [InlineData("07:30", "daily 07:30")]
    public void Digest_arguments_set_the_schedule(string args, string expected) =>
        Assert.Equal(expected, Apply("digest", args).Digest.ToString());

    [Theory]
    [InlineData("weekly", "'weekly' is not a digest mode; use /digest off, /digest hourly or /digest daily 08:00")]
    [InlineData("daily", "give the time for the daily digest, e.g. /digest daily 08:00 (or several: 08:00,18:00)")]
    [InlineData("daily 25:00", "'25:00' is not a time of day like 08:00 or 18:30")]
    [InlineData("daily 08:60", "'08:60' is not a time of day like 08:00 or 18:30")]
    [InlineData("daily 13pm", "'13pm' is not a time of day like 08:00 or 18:30")]
    [InlineData("daily 08:00,noon", "'noon' is not a time of day like 08:00 or 18:30")]
    [InlineData("hourly 08:00", "/digest hourly takes nothing after it, not '08:00'")]
    [InlineData("off please", "/digest off takes nothing after it, not 'please'")]
    public void Bad_digest_arguments_say_what_is_wrong(string args, string expected) =>
        Assert.Equal(expected, Problem("digest", args));

    [Fact]
    public void More_than_24_daily_times_are_refused()
    {
        var times = string.Join(",", Enumerable.Range(0, 25).Select(i => $"{i / 2:00}:{i % 2 * 30:00}"));
        Assert.Contains("at most 24 daily digest times", Problem("digest", "daily " + times));
    }

    [Theory]
    [InlineData("22:00-07:00", "22:00-07:00")]
    [InlineData("22:00 - 07:00", "22:00-07:00")]
    [InlineData("22:00–07:00", "22:00-07:00")] // en dash, as phones autocorrect
    [InlineData("22:00—07:00", "22:00-07:00")]
    [InlineData("22-7", "22:00-07:00")]
    [InlineData("10pm-7am", "22:00-07:00")]
    [InlineData("10 pm to 7 am", "22:00-07:00")]
    [InlineData("22:00 07:00", "22:00-07:00")]
    [InlineData("13:00-14:30", "13:00-14:30")]
    [InlineData("00:00-06:00", "00:00-06:00")]
    public void Quiet_arguments_set_the_period(string args, string expected) =>
        Assert.Equal(expected, Apply("quiet", args).Quiet?.ToString());

    [Theory]
    [InlineData("off")]
    [InlineData("None")]
    public void Quiet_off_clears_the_period(string args)
    {
        var change = Assert.IsType<DeliveryParseResult.Parsed>(DeliveryCommandParser.Parse("quiet", args)).Change;
        var before = DeliveryPreferences.Default with { Quiet = new QuietHours(new(22, 0), new(7, 0)) };
        Assert.Null(change.ApplyTo(before).Quiet);
    }

    [Theory]
    [InlineData("22:00", "'22:00' is not a start and end; quiet hours look like 22:00-07:00 (or /quiet off)")]
    [InlineData("nights", "'nights' is not a start and end; quiet hours look like 22:00-07:00 (or /quiet off)")]
    [InlineData("22:00-07:00-09:00", "'22:00-07:00-09:00' is not a start and end; quiet hours look like 22:00-07:00 (or /quiet off)")]
    [InlineData("22:00-", "'22:00-' is not a start and end; quiet hours look like 22:00-07:00 (or /quiet off)")]
    [InlineData("22:00-31:00", "'31:00' is not a time of day; quiet hours look like 22:00-07:00")]
    [InlineData("late-early", "'late' is not a time of day; quiet hours look like 22:00-07:00")]
    [InlineData("07:00-7am", "quiet hours need different start and end times; quiet hours look like 22:00-07:00")]
    public void Bad_quiet_arguments_say_what_is_wrong(string args, string expected) =>
        Assert.Equal(expected, Problem("quiet", args));

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("  EUROPE/BERLIN ", "Europe/Berlin")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("America/New York", "America/New_York")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Kolkata", "Asia/Kolkata")]
    [InlineData("pacific/chatham", "Pacific/Chatham")]
    [InlineData("utc", "UTC")]
    [InlineData("GMT", "UTC")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    public void Time_zones_are_found_whatever_the_case(string args, string expectedId) =>
        Assert.Equal(expectedId, Apply("timezone", args).TimeZone.Id);

    [Fact]
    public void Tz_is_short_for_timezone() =>
        Assert.Equal("Asia/Tokyo", Apply("tz", "asia/tokyo").TimeZone.Id);

    [Theory]
    [InlineData("Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a time zone I know; give an IANA zone such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("Europe/Berlni", "'Europe/Berlni' is not a time zone I know; did you mean Europe/Berlin?")]
    [InlineData("+05:30", "'+05:30' is a fixed offset, which does not follow daylight saving; give the zone of a city instead, such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("UTC+2", "'UTC+2' is a fixed offset, which does not follow daylight saving; give the zone of a city instead, such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("../../etc/passwd", "'../../etc/passwd' is not a time zone name; give one such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("Europe;Berlin", "'Europe;Berlin' is not a time zone name; give one such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    public void Unknown_time_zones_are_refused_with_an_example(string args, string expected) =>
        Assert.Equal(expected, Problem("timezone", args));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("20", 20)]
    [InlineData(" 1000 ", 1000)]
    public void Limit_sets_alerts_per_hour(string args, int expected) =>
        Assert.Equal(expected, Apply("limit", args).HourlyLimit);

    [Theory]
    [InlineData("0", "the limit must be at least 1 alert an hour; to stop alerts use /pause")]
    [InlineData("-5", "the limit must be at least 1 alert an hour; to stop alerts use /pause")]
    [InlineData("1001", "1001 is over the most allowed, 1000 alerts an hour")]
    [InlineData("lots", "'lots' is not a number; give how many alerts an hour you want at most, e.g. /limit 20")]
    [InlineData("99999999999", "'99999999999' is not a number; give how many alerts an hour you want at most, e.g. /limit 20")]
    public void Bad_limits_say_what_is_wrong(string args, string expected) =>
        Assert.Equal(expected, Problem("limit", args));

    [Theory]
    [InlineData("digest")]
    [InlineData("quiet")]
    [InlineData("timezone")]
    [InlineData("limit")]
    public void A_command_without_arguments_shows_the_settings(string command) =>
        Assert.IsType<DeliveryChange.Show>(Assert.IsType<DeliveryParseResult.Parsed>(DeliveryCommandParser.Parse(command, "  ")).Change);

    [Theory]
    [InlineData("add")]
    [InlineData("list")]
    public void Other_commands_are_not_ours(string command) =>
        Assert.Null(DeliveryCommandParser.Parse(command, "anything"));

    [Fact]
    public void Changes_keep_the_other_settings()
    {
        var prefs = DeliveryPreferences.Default;
        foreach (var (command, args) in new[] { ("timezone", "Europe/Berlin"), ("quiet", "22:00-07:00"), ("digest", "daily 08:00"), ("limit", "5") })
            prefs = Assert.IsType<DeliveryParseResult.Parsed>(DeliveryCommandParser.Parse(command, args)).Change.ApplyTo(prefs);
        Assert.Equal("digest=daily 08:00;quiet=22:00-07:00;tz=Europe/Berlin;limit=5", DeliveryPreferencesText.Format(prefs));
    }
}
