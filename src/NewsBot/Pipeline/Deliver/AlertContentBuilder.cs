using System.Globalization;
using NewsBot.Core.Alerts;
using NewsBot.Core.Commands;
using NewsBot.Core.Filters;
using NewsBot.Core.Filters.Language;
using NewsBot.Core.Summaries;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver;

/// <summary>Stored alert + article → what the platform renders. Pure, so a re-send shows the same text.</summary>
public static class AlertContentBuilder
{
    public static IReadOnlyList<string> Terms(Alert alert) =>
        alert.MatchedTerms.Split(Alert.TermSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <param name="alsoReportedBy">The story's other sources (<see cref="AlsoReportedBy"/>), read when the alert is rendered.</param>
    /// <param name="buttons">The one-tap controls (<see cref="Buttons"/>); none on a re-render that has no alert id to name.</param>
    public static AlertContent Build(Alert alert, Article article, Source source, int maxSummaryLength = 300, IReadOnlyList<string>? alsoReportedBy = null,
        IReadOnlyList<IReadOnlyList<ReplyButton>>? buttons = null)
    {
        var terms = Terms(alert);
        return new AlertContent(
            article.Title,
            Summary(article, terms, maxSummaryLength),
            source.Name,
            article.PublishedAt is { } p ? new DateTimeOffset(p, TimeSpan.Zero) : null,
            article.Link,
            terms)
        {
            AlsoReportedBy = alsoReportedBy ?? [],
            Buttons = buttons ?? [],
        };
    }

    /// <summary>
    /// The controls under an alert, one row: "Mute this story", "Pause 1 h" and, when the filter has several terms
    /// (<paramref name="filterText"/>, null when it was removed: then judged by the terms found), "Why?". Each is the
    /// command text a press runs, naming only the alert id: stateless, so it works on any instance, after any restart.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons(Alert alert, string? filterText)
    {
        var id = alert.Id.ToString(CultureInfo.InvariantCulture);
        var row = new List<ReplyButton> { new("🔕 Mute this story", "/mutestory " + id), new("⏸ Pause 1 h", "/pause 1h") };
        if (HasSeveralTerms(filterText, Terms(alert).Count)) row.Add(new ReplyButton("❓ Why?", "/why " + id));
        return [row];
    }

    /// <summary>"ceasefire" needs no explaining; "ceasefire AND (gaza OR lebanon)", "ceasefire -football" or "source:bbc gaza" do.</summary>
    private static bool HasSeveralTerms(string? filterText, int termsFound) =>
        filterText is null ? termsFound > 1
            : FilterParser.Parse(filterText) is FilterParseResult.Success ok ? ok.Filter.Root is not TermNode || ok.Filter.MinOutlets > 1
            : termsFound > 1;

    /// <summary>A model summary when one was made; else extracted from the page text when the feed's text is too thin.</summary>
    private static string Summary(Article article, IReadOnlyList<string> terms, int maxLength)
    {
        if (!string.IsNullOrWhiteSpace(article.ModelSummary)) return article.ModelSummary;
        var text = !string.IsNullOrWhiteSpace(article.PageText) && ExtractiveSummarizer.NeedsPageText(article.Title, article.Text)
            ? article.PageText
            : article.Text;
        return ExtractiveSummarizer.Summarize(article.Title, text, terms, maxLength);
    }
}
