using NewsBot.Core.Summaries;
using NewsBot.Core.Text;
using NewsBot.Sources.Parsing;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Ingest;

/// <summary>Feed item → stored article: clean headline, plain text body, UTC time.</summary>
public static class ArticleNormalizer
{
    /// <summary>Enough text for a summary and for matching; whole articles in content:encoded can be huge.</summary>
    public const int MaxTextLength = 20_000;

    public static Article ToArticle(FeedItem item, string identityHash, Source source, DateTime fetchedAt)
    {
        var content = HtmlToText.Convert(item.ContentHtml);
        var summary = HtmlToText.Convert(item.SummaryHtml);
        // content:encoded usually holds the whole article, the description a teaser: keep the richer one.
        var text = content.Length > summary.Length ? content : summary;
        if (text.Length > MaxTextLength) text = text[..MaxTextLength];
        return new Article
        {
            SourceId = source.Id,
            IdentityHash = identityHash,
            Title = HeadlineCleaner.CleanPlainText(item.Title, source.Name),
            Link = item.Link,
            Text = text,
            PublishedAt = item.Published?.UtcDateTime,
            FetchedAt = fetchedAt,
        };
    }
}
