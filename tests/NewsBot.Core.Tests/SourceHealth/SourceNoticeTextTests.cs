using System.Globalization;
using NewsBot.Core.SourceHealth;

namespace NewsBot.Core.Tests.SourceHealth;

public sealed class SourceNoticeTextTests
{
    private static readonly DateTimeOffset Since = DateTimeOffset.Parse("2026-03-01T10:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void Failing_notice_names_the_source_the_start_the_cause_and_what_happens_next()
    {
        var text = SourceNoticeText.Failing("Reuters World", Since, Since.AddHours(25), "HTTP 503 Service Unavailable", null);
        Assert.Contains("\"Reuters World\"", text);
        Assert.Contains("since 2026-03-01 10:00 UTC (25 hours)", text);
        Assert.Contains("Last error: the site's server is failing (HTTP 503 Service Unavailable).", text);
        Assert.EndsWith("NewsBot keeps retrying; you'll hear when it's back.", text);
        Assert.DoesNotContain("Chats that", text);
    }

    [Fact]
    public void Admin_notices_count_the_affected_chats()
    {
        Assert.Contains("Chats that get news only from this source: 3 (they were told too).",
            SourceNoticeText.Failing("X", Since, Since.AddDays(3), "timed out after 30 s", 3));
        Assert.Contains("Chats that get news only from this source: 0.", SourceNoticeText.Failing("X", Since, Since.AddDays(3), null, 0));
        Assert.Contains("Chats that get news only from this source: 2.", SourceNoticeText.Recovered("X", Since, Since.AddDays(2), 2));
    }

    [Fact]
    public void Recovery_notice_says_when_and_after_how_long()
    {
        var text = SourceNoticeText.Recovered("Reuters World", Since, Since.AddDays(3).AddHours(2), null);
        Assert.Contains("works again (read at 2026-03-04 12:00 UTC, after 3 days of failures)", text);
        Assert.Contains("New articles from it reach you again.", text);
    }

    [Theory]
    [InlineData("HTTP 500 Internal Server Error", "the site's server is failing (HTTP 500 Internal Server Error)")]
    [InlineData("HTTP 404 Not Found", "the feed's address no longer exists (HTTP 404 Not Found)")]
    [InlineData("HTTP 403 Forbidden", "the site refuses access to the feed (HTTP 403 Forbidden)")]
    [InlineData("HTTP 429 Too Many Requests", "the site asks NewsBot to slow down (HTTP 429 Too Many Requests)")]
    [InlineData("timed out after 30 s", "the site does not answer in time (timed out after 30 s)")]
    [InlineData("not a feed: the document is an HTML page", "the address no longer returns a news feed (not a feed: the document is an HTML page)")]
    [InlineData("host 'news.example' not found", "the site's name cannot be found (host 'news.example' not found)")]
    [InlineData("cannot connect to news.example:443: Connection refused", "the site cannot be reached (cannot connect to news.example:443: Connection refused)")]
    [InlineData("file 'feeds/demo.xml' not found", "file 'feeds/demo.xml' not found")]
    [InlineData(null, "unknown (no error was recorded)")]
    [InlineData("  ", "unknown (no error was recorded)")]
    public void Errors_are_said_in_plain_words_with_the_detail_in_brackets(string? error, string expected)
    {
        Assert.Equal(expected, FailureInPlainWords.Describe(error));
    }

    [Fact]
    public void Errors_lose_stack_traces_query_strings_and_tokens_and_stay_short()
    {
        var error = "more than 5 redirects (last to https://feeds.example/rss?api_key=SECRET123&x=1)\n   at NewsBot.Sources.Fetching.FeedFetcher.FetchAsync()";
        var text = FailureInPlainWords.Describe(error);
        Assert.Equal("more than 5 redirects (last to https://feeds.example/rss)", text);

        var token = FailureInPlainWords.Describe("cannot read https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe");
        Assert.DoesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", token);

        Assert.True(FailureInPlainWords.Describe(new string('x', 30) + " " + string.Join(' ', Enumerable.Repeat("word", 200))).Length <= 200);
    }

    [Theory]
    [InlineData(30, "30 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(25 * 60, "25 hours")]
    [InlineData(49 * 60, "2 days")]
    public void Durations_are_rounded_to_a_readable_unit(int minutes, string expected)
    {
        Assert.Equal(expected, SourceNoticeText.Duration(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void Times_are_shown_in_the_readers_time_zone_when_it_chose_one()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var since = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        Assert.Contains("since 2026-11-28 09:00 Europe/Berlin (25 hours)", SourceNoticeText.Failing("X", since, since.AddHours(25), null, null, berlin));
        Assert.Contains("read at 2026-11-29 10:00 Europe/Berlin", SourceNoticeText.Recovered("X", null, since.AddHours(25), null, berlin));
        Assert.Contains("since 2026-11-28 08:00 UTC", SourceNoticeText.Failing("X", since, since.AddHours(25), null, null, TimeZoneInfo.Utc));
    }
}
