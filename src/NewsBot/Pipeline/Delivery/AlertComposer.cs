using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Core.Alerts;
using NewsBot.Core.Summaries;
using NewsBot.Pipeline.Articles;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Delivery;

/// <summary>
/// Prepares what an alert shows just before its first send: the page text when the feed's is too
/// thin, and the model summary when that summarizer is on. Both are stored with the article, so
/// a re-send or an edit shows the same text and costs nothing.
/// </summary>
public sealed partial class AlertComposer(
    ArticlePageEnricher pages,
    IDbContextFactory<NewsBotDbContext> dbFactory,
    IOptions<SummariesOptions> options,
    ILogger<AlertComposer> log,
    ModelSummarizer? model = null)
{
    public async Task<AlertContent> ComposeAsync(Alert alert, CancellationToken ct)
    {
        var article = alert.Article!;
        var maxLength = options.Value.MaxLength;
        if (alert.Status == AlertStatus.Pending)
        {
            if (options.Value.FetchPages && ExtractiveSummarizer.NeedsPageText(article.Title, article.Text))
                await pages.EnsurePageTextAsync(article, ct);
            if (model is not null && article.ModelSummary is null)
                await SummarizeWithModelAsync(alert, article, maxLength, ct);
        }
        return AlertContentBuilder.Build(alert, article, article.Source!, maxLength);
    }

    private async Task SummarizeWithModelAsync(Alert alert, Article article, int maxLength, CancellationToken ct)
    {
        var text = ExtractiveSummarizer.NeedsPageText(article.Title, article.Text) && article.PageText is { } page ? page : article.Text;
        var outcome = await model!.SummarizeAsync(article.Title, text, AlertContentBuilder.Terms(alert), maxLength, ct);
        if (outcome.Method != SummaryMethod.Model)
        {
            LogModelFallback(article.Id, outcome.FallbackReason ?? "unknown");
            return; // the extractive summary is made fresh at every build; nothing to store
        }
        article.ModelSummary = outcome.Text;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ModelSummary, outcome.Text), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "article {ArticleId}: extractive summary used ({Reason})")]
    private partial void LogModelFallback(long articleId, string reason);
}
