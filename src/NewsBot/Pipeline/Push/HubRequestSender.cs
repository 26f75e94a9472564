using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// Sends one claimed subscription's request to its hub (WebSub 5.1): a form POST through the guarded
/// fetcher, and records the answer. 202 (any 2xx) means the hub will verify our intent, which
/// <see cref="IntentVerification"/> answers; anything else is the subscription's error, retried with back-off.
/// </summary>
public sealed partial class HubRequestSender(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    FeedFetcher fetcher,
    IOptions<WebSubOptions> options,
    TimeProvider time,
    ILogger<HubRequestSender> log)
{
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";

    /// <summary>The callback URL of subscription <paramref name="callbackId"/>.</summary>
    public static Uri CallbackUrl(Uri baseUrl, string callbackId) =>
        new(baseUrl.AbsoluteUri.TrimEnd('/') + "/websub/" + callbackId);

    /// <summary>Sends <paramref name="mode"/> for <paramref name="subscriptionId"/>; the caller holds its claim, which this releases.</summary>
    public async Task SendAsync(long subscriptionId, string mode, CancellationToken ct)
    {
        var callbackBase = options.Value.CallbackBaseUrl ?? throw new InvalidOperationException("WebSub: NewsBot:WebSub:CallbackBaseUrl is not set");
        PushSubscription? sub;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            sub = await db.PushSubscriptions.FirstOrDefaultAsync(p => p.Id == subscriptionId, ct);
            if (sub is null) return;
            // Stored before the request: a hub may verify before it answers (WebSub 5.3 lets it).
            sub.PendingMode = mode;
            await db.SaveChangesAsync(ct);
        }
        var form = new List<KeyValuePair<string, string>>
        {
            new("hub.mode", mode),
            new("hub.topic", sub.Topic),
            new("hub.callback", CallbackUrl(callbackBase, sub.CallbackId).AbsoluteUri),
        };
        if (mode == Subscribe)
        {
            form.Add(new("hub.secret", sub.Secret));
            form.Add(new("hub.lease_seconds", options.Value.LeaseSeconds.ToString(CultureInfo.InvariantCulture)));
        }
        var hubUrl = new Uri(sub.HubUrl);
        var answer = await fetcher.PostFormAsync(hubUrl, form, ct);
        var now = time.GetUtcNow();
        await using var save = await dbFactory.CreateDbContextAsync(ct);
        if (answer is FetchResult.Failed failed)
        {
            var error = $"{mode} at {hubUrl.Host}: {failed.Error}";
            var failures = sub.ConsecutiveFailures + 1;
            await save.PushSubscriptions.Where(p => p.Id == subscriptionId).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.ConsecutiveFailures, failures)
                .SetProperty(p => p.LastError, error.Length <= 500 ? error : error[..500])
                .SetProperty(p => p.NextAttemptAt, PushLeaseSchedule.Retry(now, failures, failed.RetryAfter).UtcDateTime)
                .SetProperty(p => p.ClaimedUntil, (DateTime?)null), ct);
            LogRequestFailed(sub.SourceId, error, failures);
            return;
        }
        // Accepted. Unless the hub verified already, ask again if no verification comes.
        var retry = (now + PushLeaseSchedule.VerificationWait).UtcDateTime;
        await save.PushSubscriptions.Where(p => p.Id == subscriptionId && p.PendingMode == mode).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.NextAttemptAt, retry), ct);
        await save.PushSubscriptions.Where(p => p.Id == subscriptionId).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.ClaimedUntil, (DateTime?)null)
            .SetProperty(p => p.ConsecutiveFailures, 0)
            .SetProperty(p => p.LastError, (string?)null), ct);
        LogRequested(sub.SourceId, mode, hubUrl.Host);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {SourceId}: WebSub {Error} (failure {Failures}); retrying with back-off, polling continues")]
    private partial void LogRequestFailed(long sourceId, string error, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "source {SourceId}: WebSub {Mode} request accepted by {HubHost}; waiting for its verification")]
    private partial void LogRequested(long sourceId, string mode, string hubHost);
}
