using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Core.Summaries;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Enrich;

/// <summary>
/// Which new matched articles get enriched before their alerts go out (page text for a thin item,
/// a model summary when that summarizer is on) and how long their alerts wait for it.
/// </summary>
public sealed class ArticleEnrichmentRule(IOptions<SummariesOptions> options, ModelSummarizer? model = null)
{
    public TimeSpan Deadline => options.Value.EnrichWithin;

    public bool ModelOn => model is not null;

    public bool Needed(Article article) => NeedsPage(article) || ModelOn;

    public bool NeedsPage(Article article) =>
        options.Value.FetchPages && PageUrl(article.Link) is not null && ExtractiveSummarizer.NeedsPageText(article.Title, article.Text);

    /// <summary>Only web pages are read; a feed's link may be anything.</summary>
    public static Uri? PageUrl(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
