using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Pages;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Articles;

/// <summary>
/// Reads an article's page when its feed text is too thin for a summary. Only matched articles
/// get here (never every article), through the same guarded fetcher as feeds, and each page is
/// fetched at most once: the result, or the failure, is stored on the article.
/// </summary>
public sealed partial class ArticlePageEnricher(
    FeedFetcher fetcher,
    IDbContextFactory<NewsBotDbContext> dbFactory,
    TimeProvider time,
    ILogger<ArticlePageEnricher> log)
{
    public async Task EnsurePageTextAsync(Article article, CancellationToken ct)
    {
        if (article.PageCheckedAt is not null || !Uri.TryCreate(article.Link, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return;
        var pageText = await ReadAsync(article.Id, url, ct);
        article.PageText = pageText;
        article.PageCheckedAt = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.PageText, pageText).SetProperty(a => a.PageCheckedAt, article.PageCheckedAt), ct);
    }

    private async Task<string?> ReadAsync(long articleId, Uri url, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(new FetchRequest(url), ct);
        if (fetched is not FetchResult.Fetched page)
        {
            LogPageFailed(articleId, url, (fetched as FetchResult.Failed)?.Error ?? "no content");
            return null;
        }
        var result = ArticlePageText.Extract(Decode(page.Body, page.Charset), page.FinalUrl);
        if (result.Page is null)
        {
            LogPageFailed(articleId, url, result.Error ?? "no article text");
            return null;
        }
        return result.Page.Text.Length > ArticleNormalizer.MaxTextLength ? result.Page.Text[..ArticleNormalizer.MaxTextLength] : result.Page.Text;
    }

    private static string Decode(byte[] body, string? charset)
    {
        try
        {
            return (charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset)).GetString(body);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(body); // an unknown charset label: UTF-8 is the web's default
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "article {ArticleId}: page {Url} gave no text for a summary: {Error}")]
    private partial void LogPageFailed(long articleId, Uri url, string error);
}
