using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Observability;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// Records a poll that read a feed: new articles (Ingest) and their alerts (Match) are stored with the
/// source's health in one transaction of their own, then the stories are published and enrichment
/// and sending are queued. Safe to run twice for one read: the unique article key makes a second run
/// insert nothing.
/// </summary>
public sealed partial class PollRecorder(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    ArticleIngester ingester,
    ArticleMatcher matcher,
    ArticleEnrichmentRule enrichment,
    IBackgroundJobClient jobs,
    TimeProvider time,
    IOptions<SourcesOptions> options,
    NewsBotMetrics metrics,
    Push.PushPolling pushPolling,
    ILogger<PollRecorder> log,
    Scaling.InstanceSignals? signals = null)
{
    /// <summary>Saving can collide with a concurrent poll (same items, or the same story for the same chat); the retry sees its rows.</summary>
    private const int SaveAttempts = 3;

    /// <summary>Stores what <paramref name="read"/> brought for source <paramref name="sourceId"/>; a source removed meanwhile is skipped.</summary>
    public async Task RecordAsync(long sourceId, FeedRead.Read read, CancellationToken ct)
    {
        // Parsing and storing share the poll's budget: storing gets what parsing left (matching every
        // item against every filter is CPU work too), and a cut-off store saves nothing of the feed.
        var budget = options.Value.PollBudget;
        using var storeLimit = new CancellationTokenSource(Max(budget - read.ParseTime, TimeSpan.FromSeconds(1)), time);
        using var storeLimited = CancellationTokenSource.CreateLinkedTokenSource(ct, storeLimit.Token);
        var storeToken = storeLimited.Token;
        FeedRead outcomeOf = read;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == sourceId, ct);
            if (source is null) return; // removed while we fetched
            MatchOutcome? outcome;
            try
            {
                outcome = await ApplyAsync(db, source, outcomeOf, storeToken);
                // Begun after matching (CPU work), so a SQLite write lock is held only for the writes.
                await using var tx = await db.Database.BeginTransactionAsync(storeToken);
                await db.SaveChangesAsync(storeToken);
                if (outcome is not null) await matcher.RecordAsync(db, outcome, storeToken);
                await tx.CommitAsync(storeToken);
            }
            catch (DbUpdateException e) when (attempt < SaveAttempts)
            {
                LogSaveCollision(source.Id, attempt, e.InnerException?.Message ?? e.Message);
                continue;
            }
            catch (OperationCanceledException) when (storeLimit.IsCancellationRequested && !ct.IsCancellationRequested && outcomeOf is FeedRead.Read)
            {
                storeToken = ct; // recording the failure is quick and must not be cut off itself
                outcomeOf = new FeedRead.Unreadable(SourceFeedReader.TooComplex("storing its items", budget), null, ParseError: true);
                continue; // a fresh context records the failure; the staged articles are dropped with this one
            }
            metrics.Polled(outcomeOf);
            if (outcome is not null) await PublishAsync(source, outcome, ct);
            return;
        }
    }

    private async Task PublishAsync(Source source, MatchOutcome outcome, CancellationToken ct)
    {
        var settle = await matcher.PublishAsync(outcome, time.GetUtcNow().UtcDateTime, ct);
        metrics.Ingested(outcome);
        if (outcome.NewArticles > 0) LogIngested(source.Id, source.Name, outcome.NewArticles, outcome.NewAlerts, outcome.UpdatedAlerts);
        foreach (var article in outcome.ToEnrich)
            jobs.Enqueue<ArticlePageEnricher>(e => e.EnrichAsync(article.Id, CancellationToken.None));
        if (outcome.ToEnrich.Count > 0) // the deadline sends them however their enrichment went (+1 s: Hangfire schedules in whole seconds)
            jobs.Schedule<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), enrichment.Deadline + TimeSpan.FromSeconds(1));
        if (settle > TimeSpan.Zero) // new stories' alerts wait for other instances' stories of the event to merge in
        {
            if (signals is not null)
            {
                await signals.NotifyAsync(Scaling.InstanceSignal.Stories, ct); // the others read this poll's stories now
                signals.NotifyAfter(Scaling.InstanceSignal.Dispatch, settle + SettleMargin); // in-process, to the millisecond
            }
            // The fallback should this process stop meanwhile (Hangfire schedules in whole seconds and looks every second).
            jobs.Schedule<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), settle + TimeSpan.FromSeconds(2));
        }
        if (outcome.NewAlerts > 0 || outcome.UpdatedAlerts > 0 || outcome.NewMentions > 0)
        {
            jobs.Enqueue<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None));
            // The leaders start at once rather than when a worker somewhere fetches the job (up to a second).
            if (signals is not null) await signals.NotifyAsync(Scaling.InstanceSignal.Dispatch, ct);
        }
    }

    /// <summary>Instances' clocks differ a little: the leader must find the settled alerts due by its own clock.</summary>
    private static readonly TimeSpan SettleMargin = TimeSpan.FromMilliseconds(100);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Stages new articles and alerts and records the read on the source; a store cut off by the budget records a failure.</summary>
    private async Task<MatchOutcome?> ApplyAsync(NewsBotDbContext db, Source source, FeedRead read, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var interval = await pushPolling.IntervalAsync(db, source, now, ct);
        if (read is FeedRead.Unreadable failed)
        {
            SourceUpdates.Failed(source, failed, now, interval);
            metrics.SourceFailed(failed.ParseError);
            PollLog.Failure(log, source, failed.Error);
            return null;
        }
        var r = (FeedRead.Read)read;
        var hadFirstFetch = source.FirstFetchDone;
        var added = await ingester.AddNewItemsAsync(db, source, r.Feed, now.UtcDateTime, ct);
        var replaced = ReplacedPageList.Suspected(source, hadFirstFetch, r.Feed.Items.Count, added.Articles.Count);
        var outcome = await matcher.MatchAsync(db, source, added.Current, added.Alerting && !replaced, now.UtcDateTime, ct);
        SourceUpdates.Read(source, r, now, interval);
        if (replaced) source.LastWarning = ReplacedPageList.Warning(r.Feed.Items.Count);
        metrics.FeedRead(r.Feed.Items.Count, r.Feed.Problems.Count);
        if (r.Fetch.MovedPermanently) await FollowPermanentRedirectAsync(db, source, r.Fetch.FinalUrl, ct);
        foreach (var problem in r.Feed.Problems.Take(5)) LogFeedProblem(source.Id, source.Name, problem);
        return outcome;
    }

    /// <summary>A 301/308 means the feed lives elsewhere now; keep polling the new address.</summary>
    private async Task FollowPermanentRedirectAsync(NewsBotDbContext db, Source source, Uri finalUrl, CancellationToken ct)
    {
        var newUrl = finalUrl.ToString();
        if (newUrl == source.Url || await db.Sources.AnyAsync(s => s.Url == newUrl && s.Id != source.Id, ct)) return;
        LogMoved(source.Id, source.Name, newUrl);
        source.Url = newUrl;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "feed '{SourceName}' (source {SourceId}): {NewArticles} new articles, {NewAlerts} alerts, {UpdatedAlerts} alerts also reported")]
    private partial void LogIngested(long sourceId, string sourceName, int newArticles, int newAlerts, int updatedAlerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "feed '{SourceName}' (source {SourceId}): {Problem}")]
    private partial void LogFeedProblem(long sourceId, string sourceName, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "feed '{SourceName}' (source {SourceId}) moved permanently to {NewUrl}")]
    private partial void LogMoved(long sourceId, string sourceName, string newUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "source {SourceId}: save attempt {Attempt} collided with a concurrent poll ({Cause}); retrying")]
    private partial void LogSaveCollision(long sourceId, int attempt, string cause);
}
