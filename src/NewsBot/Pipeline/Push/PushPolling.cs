using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// The poll interval of a source, push considered: while a hub's subscription is active the source is
/// polled only at NewsBot:WebSub:SafetyPollInterval (never faster than its own interval), in case a
/// push is lost; without one (none, denied, lapsed) at its own interval.
/// </summary>
public sealed class PushPolling(IOptions<SourcesOptions> sources, IOptions<WebSubOptions> webSub)
{
    /// <summary>Which of <paramref name="sourceIds"/> have an active, unexpired subscription at <paramref name="now"/>.</summary>
    public async Task<IReadOnlySet<long>> PushedAsync(NewsBotDbContext db, IReadOnlyCollection<long> sourceIds, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!webSub.Value.Enabled || sourceIds.Count == 0) return new HashSet<long>();
        var at = now.UtcDateTime;
        var ids = await db.PushSubscriptions
            .Where(p => sourceIds.Contains(p.SourceId) && p.State == PushState.Active && p.ActiveUntil > at)
            .Select(p => p.SourceId).ToListAsync(ct);
        return ids.ToHashSet();
    }

    /// <summary>The interval until <paramref name="source"/>'s next poll.</summary>
    public TimeSpan Interval(Source source, bool pushed)
    {
        ArgumentNullException.ThrowIfNull(source);
        var own = source.PollInterval ?? sources.Value.DefaultPollInterval;
        var safety = webSub.Value.SafetyPollInterval;
        return pushed && safety > own ? safety : own;
    }

    /// <summary>The interval of one source, its subscription looked up.</summary>
    public async Task<TimeSpan> IntervalAsync(NewsBotDbContext db, Source source, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Interval(source, (await PushedAsync(db, [source.Id], now, ct)).Contains(source.Id));
    }
}
