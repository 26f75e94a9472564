using System.Diagnostics.Metrics;
using NewsBot.Core.Alerts;
using NewsBot.Pipeline.Match;

namespace NewsBot.Observability;

/// <summary>
/// The pipeline's counters, on the "NewsBot" meter that /metrics exports in Prometheus format.
/// Names follow Prometheus conventions once exported: counters gain "_total", the latency
/// histogram gains its unit ("_seconds"). Tags stay low-cardinality (platform, reason, kind):
/// never a chat id, source name or URL.
/// </summary>
public sealed class NewsBotMetrics : IDisposable
{
    public const string MeterName = "NewsBot";

    /// <summary>Seconds: a send is milliseconds when it flows, up to the 60 s send timeout when a platform paces or stalls.</summary>
    private static readonly double[] SendBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Meter _meter;
    private readonly Counter<long> _articlesFetched;
    private readonly Counter<long> _articlesNew;
    private readonly Counter<long> _parseErrors;
    private readonly Counter<long> _sourceErrors;
    private readonly Counter<long> _polls;
    private readonly Counter<long> _matches;
    private readonly Counter<long> _storiesNew;
    private readonly Counter<long> _articlesGrouped;
    private readonly Counter<long> _alertsSent;
    private readonly Counter<long> _alertsFailed;
    private readonly Counter<long> _alertsRetried;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _pushDeliveries;
    private readonly Histogram<double> _sendDuration;

    public NewsBotMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _articlesFetched = _meter.CreateCounter<long>("newsbot_articles_fetched", description: "Feed items read from sources (new or already known).");
        _articlesNew = _meter.CreateCounter<long>("newsbot_articles_new", description: "Articles stored for the first time.");
        _parseErrors = _meter.CreateCounter<long>("newsbot_parse_errors", description: "Feeds that could not be parsed (scope=feed) and items skipped as malformed (scope=item).");
        _sourceErrors = _meter.CreateCounter<long>("newsbot_source_errors", description: "Failed polls of a source, by kind (fetch, parse).");
        _polls = _meter.CreateCounter<long>("newsbot_polls", description: "Polls recorded, by outcome (changed: a feed was read; unchanged: 304 Not Modified, or with by=content the same bytes as the last read; failed).");
        _matches = _meter.CreateCounter<long>("newsbot_matches", description: "Chat alerts created by filter matches (one per chat per story).");
        _storiesNew = _meter.CreateCounter<long>("newsbot_story_groups_new", description: "New story groups started by an article.");
        _articlesGrouped = _meter.CreateCounter<long>("newsbot_story_groups_joined", description: "Articles that joined an existing story group.");
        _alertsSent = _meter.CreateCounter<long>("newsbot_alerts_sent", description: "Alerts the platform accepted, by platform and kind (new, edit).");
        _alertsFailed = _meter.CreateCounter<long>("newsbot_alerts_failed", description: "Alerts given up on, by platform and reason.");
        _alertsRetried = _meter.CreateCounter<long>("newsbot_alerts_retried", description: "Sends put back in the queue for later, by platform and reason (rate_limited, unauthorized, error).");
        _rateLimited = _meter.CreateCounter<long>("newsbot_rate_limited", description: "Sends the platform answered with 429 Too Many Requests, by platform.");
        _pushDeliveries = _meter.CreateCounter<long>("newsbot_websub_deliveries", description: "WebSub content deliveries received, by outcome (accepted, bad_signature, not_active, gone, busy).");
        _sendDuration = _meter.CreateHistogram<double>("newsbot_send_duration", unit: "s", description: "Time to compose and send one alert, by platform.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SendBuckets });
    }

    internal Meter Meter => _meter;

    /// <summary>A feed was read: its items and the malformed items the parser skipped.</summary>
    public void FeedRead(int items, int problems)
    {
        _articlesFetched.Add(items);
        if (problems > 0) _parseErrors.Add(problems, new KeyValuePair<string, object?>("scope", "item"));
    }

    /// <summary>A poll's outcome was recorded on its source.</summary>
    public void Polled(Sources.Reading.FeedRead read)
    {
        if (read is Sources.Reading.FeedRead.Unchanged { SameBody: true }) // a server that ignores validators: worth telling apart
            _polls.Add(1, new KeyValuePair<string, object?>("outcome", "unchanged"), new KeyValuePair<string, object?>("by", "content"));
        else
            _polls.Add(1, new KeyValuePair<string, object?>("outcome", read switch
            {
                Sources.Reading.FeedRead.Read => "changed",
                Sources.Reading.FeedRead.Unchanged => "unchanged",
                _ => "failed",
            }));
    }

    /// <summary>A poll failed; a document that is not a readable feed also counts as a parse error.</summary>
    public void SourceFailed(bool parseError)
    {
        _sourceErrors.Add(1, new KeyValuePair<string, object?>("kind", parseError ? "parse" : "fetch"));
        if (parseError) _parseErrors.Add(1, new KeyValuePair<string, object?>("scope", "feed"));
    }

    /// <summary>A poll's new articles were saved with their alerts.</summary>
    public void Ingested(MatchOutcome outcome)
    {
        _articlesNew.Add(outcome.NewArticles);
        _matches.Add(outcome.NewAlerts);
        // An article that started a story carries the new Story entity; one that joined a stored story only its id.
        var started = outcome.Grouped.Where(g => g.Article.Story is not null).Select(g => g.Article.Story).Distinct().Count();
        _storiesNew.Add(started);
        _articlesGrouped.Add(outcome.Grouped.Count - started);
    }

    /// <summary>One send attempt finished with <paramref name="outcome"/>; <paramref name="lastAttempt"/>: a retry now means giving up.</summary>
    public void SendCompleted(string platform, bool edit, SendOutcome outcome, TimeSpan elapsed, bool lastAttempt)
    {
        var onPlatform = new KeyValuePair<string, object?>("platform", platform);
        _sendDuration.Record(elapsed.TotalSeconds, onPlatform);
        switch (outcome)
        {
            case SendOutcome.Sent:
                _alertsSent.Add(1, onPlatform, new("kind", edit ? "edit" : "new"));
                break;
            case SendOutcome.RetryLater retry:
                var reason = RetryReason.Classify(retry.Reason);
                if (reason == RetryReason.RateLimited) _rateLimited.Add(1, onPlatform);
                if (lastAttempt) _alertsFailed.Add(1, onPlatform, new("reason", "gave_up"));
                else _alertsRetried.Add(1, onPlatform, new("reason", reason));
                break;
            case SendOutcome.Failed:
                _alertsFailed.Add(1, onPlatform, new("reason", edit ? "edit_rejected" : "rejected"));
                break;
            case SendOutcome.ChatGone:
                _alertsFailed.Add(1, onPlatform, new("reason", "chat_gone"));
                break;
        }
    }

    /// <summary>A hub delivered content to a WebSub callback; <paramref name="outcome"/> says what became of it.</summary>
    public void PushDelivery(string outcome) => _pushDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
