using System.Net;
using NewsBot.Core.Delivery;
using static NewsBot.Core.Tests.Delivery.PlannerTestKit;

namespace NewsBot.Core.Tests.Delivery;

public class DigestComposerTests
{
    private static DigestEntry Entry(long story, string source, string published, string headline = "Headline", string? link = null) =>
        new(headline, link ?? $"https://{source.ToLowerInvariant()}.example/{story}", source, story, Utc(published), ["ceasefire"]);

    private static string Html(DigestStory s)
    {
        var line = $"• <a href=\"{WebUtility.HtmlEncode(s.Link)}\">{WebUtility.HtmlEncode(s.Headline)}</a>";
        return s.AlsoSources.Count > 0 ? line + " <i>also: " + WebUtility.HtmlEncode(string.Join(", ", s.AlsoSources)) + "</i>" : line;
    }

    [Fact]
    public void Alerts_of_one_story_share_a_line_with_the_other_sources_as_also()
    {
        var messages = DigestComposer.Compose(DigestKind.Away,
        [
            Entry(7, "AP", "2026-05-01T10:05", "Talks resume"),
            Entry(7, "Reuters", "2026-05-01T10:00", "Ceasefire talks resume in Cairo"),
            Entry(7, "BBC", "2026-05-01T10:09", "Talks back on"),
            Entry(7, "ap", "2026-05-01T10:10", "Talks resume, update"),
        ], DigestLayout.PlainText(4096));

        Assert.Equal(
            "4 alerts while you were away (1 story)\n" +
            "• Ceasefire talks resume in Cairo — https://reuters.example/7 (also: AP, BBC)",
            Assert.Single(messages));
    }

    [Fact]
    public void A_held_alert_names_its_storys_other_sources_as_the_alert_would()
    {
        var messages = DigestComposer.Compose(DigestKind.Away,
        [
            Entry(7, "Reuters", "2026-05-01T10:00", "Ceasefire talks resume in Cairo") with { AlsoSources = ["AP", "BBC", "reuters"] },
        ], DigestLayout.PlainText(4096));

        Assert.Equal(
            "1 alert while you were away\n" +
            "• Ceasefire talks resume in Cairo — https://reuters.example/7 (also: AP, BBC)",
            Assert.Single(messages));
    }

    [Fact]
    public void Stories_are_listed_newest_first()
    {
        var messages = DigestComposer.Compose(DigestKind.Daily,
        [
            Entry(1, "AP", "2026-05-01T08:00", "Oldest story"),
            Entry(2, "AP", "2026-05-01T12:00", "Newest story"),
            Entry(3, "AP", "2026-05-01T09:00", "Middle story"),
            Entry(1, "BBC", "2026-05-01T11:00", "Oldest story, later report"), // a late report lifts story 1
        ], DigestLayout.PlainText(4096));

        var lines = Assert.Single(messages).Split('\n');
        Assert.Equal("Daily digest — 3 stories", lines[0]);
        Assert.StartsWith("• Newest story", lines[1]);
        Assert.StartsWith("• Oldest story — https://ap.example/1 (also: BBC)", lines[2]);
        Assert.StartsWith("• Middle story", lines[3]);
    }

    [Theory]
    [InlineData(DigestKind.Away, 12, 9, "12 alerts while you were away (9 stories)")]
    [InlineData(DigestKind.Away, 1, 1, "1 alert while you were away")]
    [InlineData(DigestKind.Daily, 8, 8, "Daily digest — 8 stories")]
    [InlineData(DigestKind.Hourly, 3, 1, "Hourly digest — 1 story")]
    [InlineData(DigestKind.Overflow, 5, 5, "5 more alerts this hour")]
    [InlineData(DigestKind.Overflow, 1, 1, "1 more alert this hour")]
    public void Headers_say_why_the_digest_came(DigestKind kind, int alerts, int stories, string expected) =>
        Assert.Equal(expected, DigestComposer.Header(kind, alerts, stories));

    [Fact]
    public void Nothing_held_means_no_message() =>
        Assert.Empty(DigestComposer.Compose(DigestKind.Daily, [], DigestLayout.PlainText(4096)));

    private static List<DigestEntry> TenStories() =>
        Enumerable.Range(1, 10).Select(i => Entry(i, "AP", $"2026-05-01T{10 + i}:00", $"Story number {i:00}")).ToList();

    [Fact]
    public void A_digest_exactly_at_the_limit_stays_one_message()
    {
        var whole = Assert.Single(DigestComposer.Compose(DigestKind.Daily, TenStories(), DigestLayout.PlainText(4096)));
        var exact = DigestComposer.Compose(DigestKind.Daily, TenStories(), DigestLayout.PlainText(whole.Length));
        Assert.Equal(whole, Assert.Single(exact));
    }

    [Fact]
    public void One_character_over_the_limit_splits_at_a_line_boundary_and_loses_no_line()
    {
        var whole = Assert.Single(DigestComposer.Compose(DigestKind.Daily, TenStories(), DigestLayout.PlainText(4096)));
        var limit = whole.Length - 1;
        var parts = DigestComposer.Compose(DigestKind.Daily, TenStories(), DigestLayout.PlainText(limit));

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= limit, $"{p.Length} > {limit}"));
        Assert.StartsWith("Daily digest — 10 stories (1/2)\n", parts[0]);
        Assert.StartsWith("Daily digest — 10 stories (2/2)\n", parts[1]);
        var wholeLines = whole.Split('\n').Skip(1);
        var splitLines = parts.SelectMany(p => p.Split('\n').Skip(1));
        Assert.Equal(wholeLines, splitLines); // same lines, same order, none cut
    }

    [Fact]
    public void A_large_html_digest_fits_telegram_messages_and_keeps_every_story_once()
    {
        var entries = Enumerable.Range(1, 300)
            .Select(i => Entry(i, i % 3 == 0 ? "AP" : "Reuters", "2026-05-01T00:00", $"Story {i} & <more> on talks in Cairo, Doha and Geneva"))
            .Select((e, i) => e with { Published = e.Published.AddMinutes(i) })
            .ToList();
        var layout = new DigestLayout(4096, Html) { RenderHeader = h => $"<b>{WebUtility.HtmlEncode(h)}</b>" };

        var parts = DigestComposer.Compose(DigestKind.Away, entries, layout);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4096));
        Assert.All(parts, (p, i) => Assert.StartsWith($"<b>300 alerts while you were away ({i + 1}/{parts.Count})</b>\n", p));
        var links = parts.SelectMany(p => p.Split('\n').Skip(1)).Select(l => l.Split('"')[1]).ToList();
        Assert.Equal(entries.Select(e => e.Link).Reverse(), links);
    }

    [Fact]
    public void An_over_long_headline_is_cut_on_a_word_boundary_with_an_ellipsis_and_keeps_its_link()
    {
        var headline = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var entry = Entry(1, "AP", "2026-05-01T10:00", headline);

        var message = Assert.Single(DigestComposer.Compose(DigestKind.Daily, [entry], DigestLayout.PlainText(120)));

        Assert.True(message.Length <= 120, message);
        var line = message.Split('\n')[1];
        Assert.EndsWith("… — https://ap.example/1", line);
        var kept = line["• ".Length..line.IndexOf('…')];
        Assert.StartsWith(kept + " ", headline); // ends where a word ends
        Assert.True(kept.Length >= 24, "a readable start of the headline is kept");
    }

    [Fact]
    public void A_line_that_cannot_fit_with_its_extras_drops_the_also_sources_before_cutting_the_headline_short()
    {
        var entries = new[]
        {
            Entry(1, "Reuters", "2026-05-01T10:00", "Ceasefire talks resume in Cairo after weeks of delay"),
            Entry(1, "Associated Press International", "2026-05-01T10:01"),
            Entry(1, "British Broadcasting Corporation", "2026-05-01T10:02"),
        };
        var message = Assert.Single(DigestComposer.Compose(DigestKind.Daily, entries, DigestLayout.PlainText(110)));
        Assert.True(message.Length <= 110, message);
        Assert.Equal("• Ceasefire talks resume in Cairo after weeks of delay — https://reuters.example/1", message.Split('\n')[1]);
    }

    [Fact]
    public void Shortening_never_splits_an_emoji()
    {
        var text = string.Concat(Enumerable.Repeat("🕊", 40)); // one "word" of surrogate pairs
        var cut = LineShortener.Shorten(text, 21);
        Assert.True(cut.Length <= 21);
        Assert.EndsWith("…", cut);
        Assert.False(char.IsHighSurrogate(cut[^2]), "a lone high surrogate before the ellipsis");
    }

    [Fact]
    public void Html_markup_survives_shortening_because_the_headline_is_cut_before_rendering()
    {
        var entry = Entry(1, "AP", "2026-05-01T10:00", string.Join(" ", Enumerable.Repeat("Talks & <progress>", 30)));
        var message = Assert.Single(DigestComposer.Compose(DigestKind.Daily, [entry], new DigestLayout(200, Html)));
        Assert.True(message.Length <= 200);
        var line = message.Split('\n')[1];
        Assert.Matches("^• <a href=\"https://ap.example/1\">[^<>]*…</a>$", line);
    }
}
