using NewsBot.Core.Alerts;
using NewsBot.Telegram.Rendering;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests.Rendering;

public class TelegramAlertRendererTests
{
    private static readonly DateTimeOffset Published = new(2026, 11, 29, 14, 5, 0, TimeSpan.Zero);

    private static AlertContent Alert(string headline = "Ceasefire talks resume", string summary = "Negotiators met in Cairo.",
        string? link = "https://news.example/a?id=1&x=2", params string[] terms) =>
        new(headline, summary, "Example News", Published, link, terms.Length == 0 ? ["ceasefire"] : terms);

    [Fact]
    public async Task Headline_with_tags_ampersand_and_quotes_arrives_intact_bold_and_linked()
    {
        await using var t = await TelegramHarness.StartAsync();
        var headline = "Tom & Jerry's <b>\"big\"</b> deal <script>x</script> & more";
        var outcome = await t.Sender.SendAsync("42", Alert(headline, "Q&A: 3 < 4 > 2 \"quoted\""), default);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var sent = Assert.Single(t.Server.SentMessages);
        Assert.Equal("html", sent.ParseMode, StringComparer.OrdinalIgnoreCase);
        Assert.StartsWith(headline + "\nQ&A: 3 < 4 > 2 \"quoted\"\n\nExample News · 29 Nov 2026, 14:05 UTC · ceasefire", sent.Text);
        Assert.Contains(new FakeEntity("bold", headline), sent.Entities);
        Assert.Contains(new FakeEntity("text_link", headline, "https://news.example/a?id=1&x=2"), sent.Entities);
    }

    [Fact]
    public void Every_feed_text_is_escaped_and_the_html_passes_telegrams_parser()
    {
        var html = TelegramAlertRenderer.Render(new AlertContent("<i>a</i> & b", "x < y & z > w", "S&P <Wire>",
            Published, "https://e.example/?a=1&b=\"2\"", ["a&b", "<c>"])).Html;
        var parsed = FakeTelegramHtml.Parse(html);
        Assert.Null(parsed.Error);
        Assert.Equal("<i>a</i> & b\nx < y & z > w\n\nS&P <Wire> · 29 Nov 2026, 14:05 UTC · a&b, <c>", parsed.PlainText);
    }

    [Fact]
    public void Long_summary_is_shortened_at_a_word_to_4096_characters_after_parsing()
    {
        var words = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"w{i}&x"));
        var rendered = TelegramAlertRenderer.Render(Alert(summary: words));
        var parsed = FakeTelegramHtml.Parse(rendered.Html);

        Assert.Null(parsed.Error);
        var length = parsed.PlainText.EnumerateRunes().Count();
        Assert.InRange(length, 4000, TelegramAlertRenderer.MaxMessageLength);
        var summaryLine = parsed.PlainText.Split('\n')[1];
        Assert.EndsWith("…", summaryLine);
        Assert.Matches(@" w\d+&x…$", summaryLine); // the last word is whole
        Assert.EndsWith("Example News · 29 Nov 2026, 14:05 UTC · ceasefire", parsed.PlainText); // the footer survives
        Assert.InRange(rendered.PlainText.EnumerateRunes().Count(), 4000, TelegramAlertRenderer.MaxMessageLength);
    }

    [Fact]
    public void Emoji_and_astral_characters_are_counted_as_telegram_counts_and_never_split()
    {
        var rendered = TelegramAlertRenderer.Render(Alert(summary: string.Concat(Enumerable.Repeat("📰", 5000))));
        var parsed = FakeTelegramHtml.Parse(rendered.Html);
        Assert.Null(parsed.Error);
        Assert.True(parsed.PlainText.EnumerateRunes().Count() <= 4096);
        Assert.DoesNotContain(parsed.PlainText.EnumerateRunes(), r => r == System.Text.Rune.ReplacementChar);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("tg://resolve?domain=x")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Only_http_links_become_clickable(string? link)
    {
        var parsed = FakeTelegramHtml.Parse(TelegramAlertRenderer.Render(Alert(link: link)).Html);
        Assert.Null(parsed.Error);
        Assert.DoesNotContain(parsed.Entities, e => e.Type == "text_link");
        Assert.Contains(new FakeEntity("bold", "Ceasefire talks resume"), parsed.Entities);
    }

    [Fact]
    public void Plain_text_fallback_shows_the_link_and_no_markup()
    {
        var plain = TelegramAlertRenderer.Render(Alert("A <b> & B")).PlainText;
        Assert.Equal("A <b> & B\nhttps://news.example/a?id=1&x=2\nNegotiators met in Cairo.\n\nExample News · 29 Nov 2026, 14:05 UTC · ceasefire", plain);
    }

    [Fact]
    public void Empty_headline_falls_back_to_the_source_so_the_message_is_never_empty()
    {
        var parsed = FakeTelegramHtml.Parse(TelegramAlertRenderer.Render(new AlertContent(" ", "", "Example News", null, null, [])).Html);
        Assert.Null(parsed.Error);
        Assert.Equal("Example News\n\nExample News", parsed.PlainText);
    }

    [Fact]
    public void Long_replies_are_split_at_lines_within_the_limit()
    {
        var text = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"{i}. " + new string('x', 190)));
        var parts = NewsBot.Telegram.Intake.TelegramReplyWriter.Split(text, 4096);
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(p.Length <= 4096));
        Assert.Equal(text, string.Join('\n', parts));
    }
}
