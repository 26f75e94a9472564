using NewsBot.Core.Alerts;
using NewsBot.Core.Summaries;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver;

/// <summary>Stored alert + article → what the platform renders. Pure, so a re-send shows the same text.</summary>
public static class AlertContentBuilder
{
    public static IReadOnlyList<string> Terms(Alert alert) =>
        alert.MatchedTerms.Split(Alert.TermSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <param name="alsoReportedBy">The story's other sources (<see cref="AlsoReportedBy"/>), read when the alert is rendered.</param>
    public static AlertContent Build(Alert alert, Article article, Source source, int maxSummaryLength = 300, IReadOnlyList<string>? alsoReportedBy = null)
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
        };
    }

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
