using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// After a poll read a feed: when the feed advertises a WebSub hub and push is configured, records
/// the subscription to ask for (new, or a changed hub or topic) and wakes <see cref="PushLeaseLoop"/>,
/// which sends the request. Runs after the poll's transaction, never inside it.
/// </summary>
public sealed partial class HubSubscriptionStarter(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    IOptions<WebSubOptions> options,
    PushLeaseLoop loop,
    TimeProvider time,
    ILogger<HubSubscriptionStarter> log)
{
    /// <summary>Looks at what a poll of source <paramref name="sourceId"/> read; costs a database query only when the feed names a hub.</summary>
    public async Task NoticeAsync(long sourceId, FeedRead.Read read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!options.Value.Enabled || HubLink.Find(read.Fetch) is not { } link) return;
        try
        {
            await RecordAsync(sourceId, link, ct);
        }
        catch (DbException e)
        {
            // The poll is recorded already; the next read of the feed tries again.
            LogRecordFailed(sourceId, e.Message);
        }
    }

    private async Task RecordAsync(long sourceId, HubLink link, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var hub = link.Hub.AbsoluteUri;
        var topic = link.Topic.AbsoluteUri;
        var existing = await db.PushSubscriptions.FirstOrDefaultAsync(p => p.SourceId == sourceId, ct);
        if (existing is null)
        {
            if (!await db.Sources.AnyAsync(s => s.Id == sourceId && !s.Paused, ct)) return;
            db.PushSubscriptions.Add(new PushSubscription
            {
                SourceId = sourceId, CallbackId = RandomHex(16), Secret = RandomHex(32), HubUrl = hub, Topic = topic,
                State = PushState.Pending, NextAttemptAt = now, CreatedAt = now,
            });
        }
        else if (existing.HubUrl != hub || existing.Topic != topic || (existing.State is PushState.Lapsed or PushState.Unsubscribed && existing.NextAttemptAt is null))
        {
            // A new hub or topic is a new subscription; the old one lapses at its hub (410 for its deliveries).
            existing.HubUrl = hub;
            existing.Topic = topic;
            existing.CallbackId = RandomHex(16);
            existing.State = PushState.Pending;
            existing.PendingMode = null;
            existing.ActiveUntil = null;
            existing.NextAttemptAt = now;
            existing.ConsecutiveFailures = 0;
            existing.LastError = null;
        }
        else return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Two instances read the same feed at once and both added it: the other's row stands.
            LogConcurrentAdd(sourceId, e.InnerException?.Message ?? e.Message);
            return;
        }
        LogHubFound(sourceId, link.Hub.Host, topic);
        loop.Wake();
    }

    /// <summary>Unguessable: the callback id is all that stands between a stranger and the callback URL.</summary>
    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    [LoggerMessage(Level = LogLevel.Information, Message = "source {SourceId}: feed advertises WebSub hub {HubHost} for topic {Topic}; subscribing")]
    private partial void LogHubFound(long sourceId, string hubHost, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {SourceId}: its WebSub hub could not be recorded ({Cause}); the next read tries again")]
    private partial void LogRecordFailed(long sourceId, string cause);

    [LoggerMessage(Level = LogLevel.Debug, Message = "source {SourceId}: subscription added concurrently by another poll ({Cause})")]
    private partial void LogConcurrentAdd(long sourceId, string cause);
}
