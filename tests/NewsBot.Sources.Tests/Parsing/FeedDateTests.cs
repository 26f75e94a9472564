using NewsBot.Sources.Parsing.Dates;

namespace NewsBot.Sources.Tests.Parsing;

public class FeedDateTests
{
    [Theory]
    // RFC 822 / 1123 with zone names and offsets
    [InlineData("Thu, 25 Jan 2024 10:00:00 GMT", "2024-01-25T10:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 UT", "2024-01-25T10:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 Z", "2024-01-25T10:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 +0000", "2024-01-25T10:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 -0500", "2024-01-25T15:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 +05:30", "2024-01-25T04:30:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 EST", "2024-01-25T15:00:00Z")]
    [InlineData("Thu, 25 Jul 2024 10:00:00 EDT", "2024-07-25T14:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 CST", "2024-01-25T16:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 CDT", "2024-01-25T15:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 MST", "2024-01-25T17:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 MDT", "2024-01-25T16:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 PST", "2024-01-25T18:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 PDT", "2024-01-25T17:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 CET", "2024-01-25T09:00:00Z")]
    [InlineData("Thu, 25 Jul 2024 10:00:00 CEST", "2024-07-25T08:00:00Z")]
    [InlineData("Thu, 25 Jul 2024 10:00:00 BST", "2024-07-25T09:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 IST", "2024-01-25T04:30:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 JST", "2024-01-25T01:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 AEST", "2024-01-25T00:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 AEDT", "2024-01-24T23:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 A", "2024-01-25T10:00:00Z")] // RFC 5322 §4.3: military zones read as -0000
    [InlineData("Thu, 25 Jan 2024 10:00:00 +0300 (EEST)", "2024-01-25T07:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 GMT+0300", "2024-01-25T07:00:00Z")]
    // sloppy RFC 822
    [InlineData("25 Jan 2024 10:00:00 GMT", "2024-01-25T10:00:00Z")] // no weekday
    [InlineData("Mon, 25 Jan 2024 10:00:00 GMT", "2024-01-25T10:00:00Z")] // wrong weekday
    [InlineData("Thursday, 25 January 2024 10:00:00 GMT", "2024-01-25T10:00:00Z")] // full names
    [InlineData("Thu, 25 Jan 24 10:00:00 GMT", "2024-01-25T10:00:00Z")] // two-digit year
    [InlineData("Mon, 25 Jan 99 10:00:00 GMT", "1999-01-25T10:00:00Z")] // two-digit year, last century
    [InlineData("Mon, 5 Feb 2024 10:00:00 GMT", "2024-02-05T10:00:00Z")] // single-digit day
    [InlineData("Thu, 25 Jan 2024 10:00 GMT", "2024-01-25T10:00:00Z")] // no seconds
    [InlineData("Thu, 25 Jan 2024 10:00:00", "2024-01-25T10:00:00Z")] // no zone
    [InlineData("Thu,25 Jan 2024 10:00:00 +0100", "2024-01-25T09:00:00Z")] // no space after the comma
    [InlineData("25-Jan-2024 10:00:00 +0000", "2024-01-25T10:00:00Z")]
    [InlineData("Sept 5, 2024 3:15 PM EDT", "2024-09-05T19:15:00Z")]
    [InlineData("Thu Jan 25 2024 10:00:00 GMT+0100 (Central European Standard Time)", "2024-01-25T09:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 10:00:00 XYZ", "2024-01-25T10:00:00Z")] // unknown zone: read as UTC rather than lost
    // ISO 8601 / RFC 3339
    [InlineData("2024-01-25T10:00:00Z", "2024-01-25T10:00:00Z")]
    [InlineData("2024-01-25T10:00:00+03:00", "2024-01-25T07:00:00Z")]
    [InlineData("2024-01-25T10:00:00-0800", "2024-01-25T18:00:00Z")]
    [InlineData("2024-01-25T10:00:00.123456Z", "2024-01-25T10:00:00.123456Z")]
    [InlineData("2024-01-25T10:00:00", "2024-01-25T10:00:00Z")] // no offset = UTC
    [InlineData("2024-01-25T10:00Z", "2024-01-25T10:00:00Z")]
    [InlineData("2024-01-25 10:00:00", "2024-01-25T10:00:00Z")]
    [InlineData("2024-01-25 10:00:00 +0200", "2024-01-25T08:00:00Z")]
    [InlineData("2024-01-25", "2024-01-25T00:00:00Z")]
    [InlineData("  2024-01-25T10:00:00Z \n", "2024-01-25T10:00:00Z")]
    public void Dates_are_read_leniently_into_utc(string text, string expectedUtc)
    {
        var expected = DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture);

        var parsed = FeedDate.Parse(text);

        Assert.Equal(expected, parsed);
        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sometime last week")]
    [InlineData("n/a")]
    [InlineData("Thu, 32 Jan 2024 10:00:00 GMT")]
    [InlineData("Thu, 30 Feb 2024 10:00:00 GMT")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("Thu, 25 Jan 2024 25:00:00 GMT")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Unreadable_dates_give_null(string text)
    {
        Assert.Null(FeedDate.Parse(text));
    }

    [Fact]
    public void Result_does_not_depend_on_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal(new DateTimeOffset(2024, 1, 25, 10, 0, 0, TimeSpan.Zero), FeedDate.Parse("Thu, 25 Jan 2024 10:00:00 GMT"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
