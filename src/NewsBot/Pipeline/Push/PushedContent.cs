using Microsoft.EntityFrameworkCore;
using NewsBot.Observability;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// A hub's content distribution (WebSub 7, 8): the callback's subscription is looked up, the signature
/// checked, and a valid delivery queued for <see cref="PushedFeedIngester"/>, so the hub gets its answer
/// at once.
/// </summary>
public sealed partial class PushedContent(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    PushedFeedIngester queue,
    NewsBotMetrics metrics,
    ILogger<PushedContent> log)
{
    /// <summary>What the callback answers.</summary>
    public enum Outcome
    {
        /// <summary>Queued for ingest: 202.</summary>
        Accepted,

        /// <summary>Signature missing or wrong, or no live subscription: 202 all the same (WebSub 8), and ignored.</summary>
        Ignored,

        /// <summary>No subscription has this callback (removed source, replaced hub): 410, so the hub stops.</summary>
        Gone,

        /// <summary>The ingest queue is full: 503, the hub retries.</summary>
        Busy,
    }

    public async Task<Outcome> ReceiveAsync(string callbackId, byte[] body, string? contentType, string? signature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        PushSubscription? sub = null;
        if (callbackId.Length <= 64)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            sub = await db.PushSubscriptions.AsNoTracking().FirstOrDefaultAsync(p => p.CallbackId == callbackId, ct);
        }
        if (sub is null || sub.State == PushState.Unsubscribed)
        {
            metrics.PushDelivery("gone");
            return Outcome.Gone;
        }
        if (!HubSignature.IsValid(signature, body, sub.Secret))
        {
            metrics.PushDelivery("bad_signature");
            LogBadSignature(sub.SourceId, signature is null ? "missing" : "wrong", body.Length);
            return Outcome.Ignored;
        }
        if (sub.State != PushState.Active)
        {
            metrics.PushDelivery("not_active");
            LogNotActive(sub.SourceId, sub.State);
            return Outcome.Ignored;
        }
        if (!queue.TryAdd(new PushedFeedIngester.Delivery(sub.SourceId, new Uri(sub.Topic), body, contentType)))
        {
            metrics.PushDelivery("busy");
            return Outcome.Busy;
        }
        metrics.PushDelivery("accepted");
        return Outcome.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {SourceId}: WebSub delivery ignored, X-Hub-Signature {Problem} ({Bytes} bytes)")]
    private partial void LogBadSignature(long sourceId, string problem, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "source {SourceId}: WebSub delivery ignored, the subscription is {State}")]
    private partial void LogNotActive(long sourceId, PushState state);
}
