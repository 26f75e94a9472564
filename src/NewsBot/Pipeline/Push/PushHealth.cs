using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// A source's push state in one line for its health (CLI <c>sources list</c>, <c>/sources</c> with
/// health, the admin console): "push via hub.example: active until 2026-03-11 10:00 UTC",
/// "push via hub.example: denied: reason", "push via hub.example: pending; error: subscribe at hub.example: HTTP 500 …".
/// </summary>
public static class PushHealth
{
    /// <summary>The push line of every source that has a subscription, by source id.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> OfSourcesAsync(NewsBotDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subs = await db.PushSubscriptions.AsNoTracking().ToListAsync(ct);
        return subs.ToDictionary(s => s.SourceId, Describe);
    }

    public static string Describe(PushSubscription sub)
    {
        ArgumentNullException.ThrowIfNull(sub);
        var hub = Uri.TryCreate(sub.HubUrl, UriKind.Absolute, out var url) ? url.Host : sub.HubUrl;
        var state = sub.State switch
        {
            PushState.Active => $"active until {When(sub.ActiveUntil)}",
            PushState.Denied => sub.LastError is null ? "denied" : $"denied: {sub.LastError}",
            PushState.Lapsed => "lapsed, polled at its own interval",
            PushState.Unsubscribed => "unsubscribed",
            _ => "waiting for the hub's verification",
        };
        var error = sub.State != PushState.Denied && sub.LastError is not null ? $"; error: {sub.LastError}" : "";
        return $"push via {hub}: {state}{error}";
    }

    private static string When(DateTime? at) =>
        at is { } t ? t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "?";
}
