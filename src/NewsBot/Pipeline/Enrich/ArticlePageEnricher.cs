using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Core.Summaries;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Ingest;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Pages;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Enrich;

/// <summary>
/// Enriches a new matched article once, after ingest and before its alerts go out: the page text
/// when the feed's text is too thin for a summary, and the model summary when that summarizer is on.
/// Runs as its own job on its own queue, so a slow or hostile page never delays a send; the page
/// has its own body cap (<see cref="SourcesOptions.MaxPageBytes"/>) and extraction budget
/// (<see cref="SourcesOptions.PageBudget"/>), and over either it simply gives no page text.
/// When done (or failed) it makes the article's waiting alerts due.
/// </summary>
public sealed partial class ArticlePageEnricher(
    [FromKeyedServices(ArticlePageEnricher.FetcherKey)] FeedFetcher pageFetcher,
    IDbContextFactory<NewsBotDbContext> dbFactory,
    ArticleEnrichmentRule rule,
    SourceHosts sourceHosts,
    IOptions<SourcesOptions> sources,
    IOptions<SummariesOptions> summaries,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<ArticlePageEnricher> log,
    ModelSummarizer? model = null)
{
    /// <summary>The page fetcher: same guard and politeness as feeds, with the page body cap.</summary>
    public const string FetcherKey = "pages";

    [Queue(JobQueues.Pages)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)] // a page that failed once is "no page text"; its alerts must not wait for retries. Deleted, not failed: failed jobs are kept for ever
    public async Task EnrichAsync(long articleId, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, ct);
            if (article is null) return; // removed with its source
            if (article.PageCheckedAt is null && rule.NeedsPage(article)) await ReadPageAsync(db, article, ct);
            if (model is not null && article.ModelSummary is null) await SummarizeAsync(db, article, ct);
        }
        finally
        {
            await ReleaseAlertsAsync(articleId);
        }
    }

    private async Task ReadPageAsync(NewsBotDbContext db, Article article, CancellationToken ct)
    {
        article.PageText = await PageTextAsync(article.Id, ArticleEnrichmentRule.PageUrl(article.Link)!, ct);
        article.PageCheckedAt = time.GetUtcNow().UtcDateTime;
        await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.PageText, article.PageText).SetProperty(a => a.PageCheckedAt, article.PageCheckedAt), ct);
    }

    private async Task<string?> PageTextAsync(long articleId, Uri url, CancellationToken ct)
    {
        await sourceHosts.RefreshAsync(ct); // a source added half a minute ago makes its host trusted for its pages
        var fetched = await pageFetcher.FetchAsync(new FetchRequest(url), ct);
        if (fetched is not FetchResult.Fetched page)
        {
            LogPageFailed(articleId, url, (fetched as FetchResult.Failed)?.Error ?? "no content");
            return null;
        }
        var budget = sources.Value.PageBudget;
        // Extract honours the budget's token (its parse and SmartReader stop there), so a page over budget
        // stops burning CPU too, instead of running on after the job has moved on.
        var extracted = await CpuBudget.RunAsync(token => ArticlePageText.Extract(Decode(page.Body, page.Charset), page.FinalUrl, token), budget, time, ct);
        if (!extracted.InTime)
        {
            if (log.IsEnabled(LogLevel.Information))
            {
                var error = $"page too large/complex: extracting its text took longer than {CpuBudget.Describe(budget)}";
                LogPageFailed(articleId, url, error);
            }
            return null;
        }
        if (extracted.Value!.Page is not { } text)
        {
            LogPageFailed(articleId, url, extracted.Value.Error ?? "no article text");
            return null;
        }
        return text.Text.Length > ArticleNormalizer.MaxTextLength ? text.Text[..ArticleNormalizer.MaxTextLength] : text.Text;
    }

    /// <summary>One model summary per article, steered by the terms of the first chat it matched.</summary>
    private async Task SummarizeAsync(NewsBotDbContext db, Article article, CancellationToken ct)
    {
        var terms = await db.Alerts.Where(a => a.ArticleId == article.Id).OrderBy(a => a.Id).Select(a => a.MatchedTerms).FirstOrDefaultAsync(ct) ?? "";
        var text = ExtractiveSummarizer.NeedsPageText(article.Title, article.Text) && article.PageText is { } page ? page : article.Text;
        var outcome = await model!.SummarizeAsync(article.Title, text, terms.Split(Alert.TermSeparator, StringSplitOptions.RemoveEmptyEntries),
            summaries.Value.MaxLength, ct);
        if (outcome.Method != SummaryMethod.Model)
        {
            LogModelFallback(article.Id, outcome.FallbackReason ?? "unknown");
            return; // the extractive summary is made fresh at every build; nothing to store
        }
        await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ModelSummary, outcome.Text), ct);
    }

    /// <summary>The article's alerts still waiting for this job are due now; a dispatch picks them up.</summary>
    private async Task ReleaseAlertsAsync(long articleId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var released = await db.Alerts.Where(a => a.ArticleId == articleId && a.Status == AlertStatus.Pending && a.Attempts == 0 && a.HeldFor == null && a.NextAttemptAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.NextAttemptAt, now), CancellationToken.None);
        if (released > 0) jobs.Enqueue<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "article {ArticleId}: extractive summary used ({Reason})")]
    private partial void LogModelFallback(long articleId, string reason);
}
