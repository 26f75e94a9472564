using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// Answers a hub's verification of intent (WebSub 5.3) and its denials (5.2) from the database, so any
/// instance behind the callback URL answers for a request another instance sent.
/// </summary>
public sealed partial class IntentVerification(IDbContextFactory<NewsBotDbContext> dbFactory, TimeProvider time, ILogger<IntentVerification> log)
{
    /// <summary>A challenge longer than this is no hub's; answered 404.</summary>
    private const int MaxChallenge = 1024;

    /// <summary>The query of a verification GET.</summary>
    public sealed record Request(string? Mode, string? Topic, string? Challenge, string? LeaseSeconds, string? Reason);

    /// <summary>The challenge to echo with 200, or null for 404 (no such pending request for this callback and topic).</summary>
    public async Task<string?> VerifyAsync(string callbackId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (callbackId.Length > 64 || request.Topic is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sub = await db.PushSubscriptions.FirstOrDefaultAsync(p => p.CallbackId == callbackId, ct);
        if (sub is null || sub.Topic != request.Topic) return null;
        var now = time.GetUtcNow();
        var hubHost = new Uri(sub.HubUrl).Host;
        if (request.Mode == "denied")
        {
            await DenyAsync(db, sub, hubHost, request.Reason, now.UtcDateTime, ct);
            return "";
        }
        if (request.Mode != sub.PendingMode || request.Challenge is not { Length: > 0 and <= MaxChallenge } challenge) return null;
        if (request.Mode == HubRequestSender.Subscribe)
        {
            // 5.3: hub.lease_seconds is required on subscribe; the hub's number, not ours, is the lease.
            if (!int.TryParse(request.LeaseSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0) return null;
            var lease = TimeSpan.FromSeconds(seconds);
            sub.State = PushState.Active;
            sub.ActiveUntil = (now + lease).UtcDateTime;
            sub.NextAttemptAt = PushLeaseSchedule.RenewAt(now, lease).UtcDateTime;
            LogActive(sub.SourceId, hubHost, sub.ActiveUntil.Value);
        }
        else
        {
            sub.State = PushState.Unsubscribed;
            sub.ActiveUntil = null;
            sub.NextAttemptAt = null;
            LogUnsubscribed(sub.SourceId, hubHost);
        }
        sub.PendingMode = null;
        sub.LastError = null;
        sub.ConsecutiveFailures = 0;
        await db.SaveChangesAsync(ct);
        return challenge;
    }

    private async Task DenyAsync(NewsBotDbContext db, PushSubscription sub, string hubHost, string? reason, DateTime now, CancellationToken ct)
    {
        var wasActive = sub.State == PushState.Active;
        sub.State = PushState.Denied;
        sub.ActiveUntil = null;
        sub.PendingMode = null;
        sub.NextAttemptAt = null; // the hub said no; a new hub or topic in the feed asks again
        sub.LastError = Printable(reason);
        await db.SaveChangesAsync(ct);
        if (wasActive) await PushLeaseLoop.PollSoonAsync(db, [sub.SourceId], now, ct);
        LogDenied(sub.SourceId, hubHost, sub.LastError ?? "no reason given");
    }

    /// <summary>A stranger's reason, shown in a health line: one line, control characters out, capped.</summary>
    private static string? Printable(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return null;
        var text = new string(reason.Take(200).Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return text.Length == 0 ? null : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "source {SourceId}: WebSub subscription at {HubHost} verified, active until {ActiveUntil:u}")]
    private partial void LogActive(long sourceId, string hubHost, DateTime activeUntil);

    [LoggerMessage(Level = LogLevel.Information, Message = "source {SourceId}: WebSub unsubscribe at {HubHost} verified")]
    private partial void LogUnsubscribed(long sourceId, string hubHost);

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {SourceId}: WebSub hub {HubHost} denied the subscription ({Reason}); polling as before")]
    private partial void LogDenied(long sourceId, string hubHost, string reason);
}
