using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Observability;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// Polls one source: fetch, parse, store new articles (Ingest) and their alerts (Match) in one
/// transaction, record health, plan the next poll. Takes only the source id and is safe to run twice (Hangfire runs jobs at least once):
/// the unique article key makes a second run insert nothing.
/// </summary>
public sealed partial class PollSourceJob(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    SourceFeedReader reader,
    ArticleIngester ingester,
    ArticleMatcher matcher,
    ArticleEnrichmentRule enrichment,
    IBackgroundJobClient jobs,
    TimeProvider time,
    IOptions<SourcesOptions> options,
    NewsBotMetrics metrics,
    ILogger<PollSourceJob> log)
{
    /// <summary>Saving can collide with a concurrent poll (same items, or the same story for the same chat); the retry sees its rows.</summary>
    private const int SaveAttempts = 3;

    /// <summary>The instance that claimed the source may run a little ahead of this one's clock.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    [Queue(JobQueues.Polls)]
    [AutomaticRetry(Attempts = 0)] // failures are the source's health and backoff, not job retries
    public async Task RunAsync(long sourceId, CancellationToken ct)
    {
        string url, etag, lastModified;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            // Running now: hold the source for as long as a poll can take. A job that waited in the
            // queue past the scheduler's short claim may find the source re-enqueued and already polled.
            var started = await db.Sources.Where(s => s.Id == sourceId && !s.Paused && s.NextPollAt <= now + ClockSkew)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, now + SourceScheduler.RunningLease), ct);
            if (started == 0) return; // removed, paused, or polled by a twin of this job
            var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId, ct);
            if (source is null) return;
            (url, etag, lastModified) = (source.Url, source.ETag ?? "", source.LastModified ?? "");
        }
        // Renewed until the poll records its outcome, which releases the claim (renewal only extends a held claim).
        await using var renewal = PollClaimRenewal.Start(dbFactory, sourceId, time, log);
        var read = await reader.ReadAsync(url, NullIfEmpty(etag), NullIfEmpty(lastModified), ct);

        // Parsing and storing share the poll's budget: storing gets what parsing left (matching every
        // item against every filter is CPU work too), and a cut-off store saves nothing of the feed.
        var budget = options.Value.PollBudget;
        var storeBudget = read is FeedRead.Read parsed ? budget - parsed.ParseTime : budget;
        using var storeLimit = new CancellationTokenSource(Max(storeBudget, TimeSpan.FromSeconds(1)), time);
        using var storeLimited = CancellationTokenSource.CreateLinkedTokenSource(ct, storeLimit.Token);
        var storeToken = storeLimited.Token;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == sourceId, ct);
            if (source is null) return; // removed while we fetched
            MatchOutcome? outcome;
            try
            {
                outcome = await ApplyAsync(db, source, read, storeToken);
                await db.SaveChangesAsync(storeToken);
            }
            catch (DbUpdateException e) when (attempt < SaveAttempts)
            {
                LogSaveCollision(source.Id, attempt, e.InnerException?.Message ?? e.Message);
                continue;
            }
            catch (OperationCanceledException) when (storeLimit.IsCancellationRequested && !ct.IsCancellationRequested && read is FeedRead.Read)
            {
                storeToken = ct; // recording the failure is quick and must not be cut off itself
                read = new FeedRead.Unreadable(SourceFeedReader.TooComplex("storing its items", budget), null, ParseError: true);
                continue; // a fresh context records the failure; the staged articles are dropped with this one
            }
            if (outcome is null) return;
            var now = time.GetUtcNow().UtcDateTime;
            matcher.Publish(outcome, now);
            metrics.Ingested(outcome);
            if (outcome.NewArticles > 0) LogIngested(source.Id, source.Name, outcome.NewArticles, outcome.NewAlerts, outcome.UpdatedAlerts);
            foreach (var article in outcome.ToEnrich)
                jobs.Enqueue<ArticlePageEnricher>(e => e.EnrichAsync(article.Id, CancellationToken.None));
            if (outcome.ToEnrich.Count > 0) // the deadline sends them however their enrichment went (+1 s: Hangfire schedules in whole seconds)
                jobs.Schedule<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None), enrichment.Deadline + TimeSpan.FromSeconds(1));
            if (outcome.NewAlerts > 0 || outcome.UpdatedAlerts > 0)
                jobs.Enqueue<AlertDispatcher>(d => d.DispatchPendingAsync(CancellationToken.None));
            return;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Records the read on the source (health, validators, next poll) and stages new articles and alerts.</summary>
    private async Task<MatchOutcome?> ApplyAsync(NewsBotDbContext db, Source source, FeedRead read, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        source.LastAttemptAt = now.UtcDateTime;
        source.PollClaimedUntil = null;
        var interval = source.PollInterval ?? options.Value.DefaultPollInterval;
        switch (read)
        {
            case FeedRead.Read r:
                var added = await ingester.AddNewItemsAsync(db, source, r.Feed.Items, now.UtcDateTime, ct);
                var outcome = await matcher.MatchAsync(db, source, added.Articles, added.Alerting, now.UtcDateTime, ct);
                RecordSuccess(source, now, interval, r.Fetch.ETag, r.Fetch.LastModified, r.Fetch.MinNextPoll);
                source.LastItemCount = r.Feed.Items.Count;
                source.LastWarning = Warning(r.Feed.Truncations);
                metrics.FeedRead(r.Feed.Items.Count, r.Feed.Problems.Count);
                if (r.Fetch.MovedPermanently) await FollowPermanentRedirectAsync(db, source, r.Fetch.FinalUrl, ct);
                foreach (var problem in r.Feed.Problems.Take(5)) LogFeedProblem(source.Id, source.Name, problem);
                return outcome;
            case FeedRead.Unchanged u:
                RecordSuccess(source, now, interval, u.Fetch.ETag ?? source.ETag, u.Fetch.LastModified ?? source.LastModified, u.Fetch.MinNextPoll);
                return null;
            case FeedRead.Unreadable failed:
                source.ConsecutiveFailures++;
                source.FailingSince ??= now.UtcDateTime; // the episode's start; SourceNoticeQueue tells people after a day
                source.NextPollAt = PollSchedule.NextPoll(now, interval, source.ConsecutiveFailures, null, failed.RetryAfter, Random.Shared).UtcDateTime;
                source.LastError = failed.Error;
                metrics.SourceFailed(failed.ParseError);
                LogFailure(source.Id, source.Name, failed.Error, source.ConsecutiveFailures, source.NextPollAt);
                return null;
            default:
                throw new InvalidOperationException($"unexpected feed read {read.GetType().Name}");
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>The read-time caps that bit, for the source's health; null when the feed was read whole.</summary>
    private static string? Warning(IReadOnlyList<string> truncations)
    {
        if (truncations.Count == 0) return null;
        var text = string.Join("; ", truncations.Distinct(StringComparer.Ordinal));
        return text.Length <= MaxWarningLength ? text : text[..(MaxWarningLength - 1)] + "…";
    }

    /// <summary>A health line, not a log: long enough for every cap we have, short enough for a table cell.</summary>
    private const int MaxWarningLength = 500;

    private static void RecordSuccess(Source source, DateTimeOffset now, TimeSpan interval, string? etag, string? lastModified, TimeSpan? floor)
    {
        source.ConsecutiveFailures = 0;
        source.FailingSince = null;
        source.LastError = null;
        source.LastSuccessAt = now.UtcDateTime;
        source.ETag = etag;
        source.LastModified = lastModified;
        source.NextPollAt = PollSchedule.NextPoll(now, interval, 0, floor, null, Random.Shared).UtcDateTime;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "feed '{SourceName}' (source {SourceId}): {Error}; failure {Failures}, retry at {NextPollAt:u}")]
    private partial void LogFailure(long sourceId, string sourceName, string error, int failures, DateTime nextPollAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "feed '{SourceName}' (source {SourceId}): {Problem}")]
    private partial void LogFeedProblem(long sourceId, string sourceName, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "feed '{SourceName}' (source {SourceId}) moved permanently to {NewUrl}")]
    private partial void LogMoved(long sourceId, string sourceName, string newUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "source {SourceId}: save attempt {Attempt} collided with a concurrent poll ({Cause}); retrying")]
    private partial void LogSaveCollision(long sourceId, int attempt, string cause);
}
