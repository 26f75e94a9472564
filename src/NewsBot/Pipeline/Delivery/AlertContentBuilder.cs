using NewsBot.Core.Alerts;
using NewsBot.Core.Summaries;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Delivery;

/// <summary>Stored alert + article → what the platform renders. Pure, so a re-send shows the same text.</summary>
public static class AlertContentBuilder
{
    public static AlertContent Build(Alert alert, Article article, Source source)
    {
        var terms = alert.MatchedTerms.Split(Alert.TermSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new AlertContent(
            article.Title,
            ExtractiveSummarizer.Summarize(article.Title, article.Text, terms),
            source.Name,
            article.PublishedAt is { } p ? new DateTimeOffset(p, TimeSpan.Zero) : null,
            article.Link,
            terms);
    }
}
