using Microsoft.EntityFrameworkCore;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Poll;

/// <summary>A source claimed for polling, with what its fetch needs.</summary>
/// <param name="Id">The source.</param>
/// <param name="Url">Where its feed is.</param>
/// <param name="ETag">Validator for a conditional GET, from the last good fetch.</param>
/// <param name="LastModified">The other validator.</param>
/// <param name="ContentHash">The last good read's body fingerprint, for servers that ignore validators.</param>
/// <param name="Kind">Feed or web page.</param>
/// <param name="PageLinkSelector">A page source's CSS selector for its article links (null: detected).</param>
public sealed record ClaimedSource(long Id, string Url, string? ETag, string? LastModified, string? ContentHash = null,
    SourceKind Kind = SourceKind.Feed, string? PageLinkSelector = null)
{
    /// <summary>What the reader needs for this source.</summary>
    public SourceReadRequest ReadRequest() =>
        new(Url, ETag, LastModified, ContentHash, Kind == SourceKind.Page ? new PageSource(PageLinkSelector) : null);
}

/// <summary>
/// The claim on a source (<c>PollClaimedUntil</c>) that keeps every other scheduler — this
/// instance's or another's on the same database — from polling it while a poll owns it. A claim
/// lapses unless renewed, so an instance that dies gives its sources back after <see cref="RunningLease"/>.
/// </summary>
public sealed class SourceClaims(IDbContextFactory<NewsBotDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// How long a claim holds unless renewed; renewed every quarter of it while the poll runs (one
    /// statement per instance, so renewing often is cheap). Short, because it is how long the sources
    /// of an instance that died wait: they are polled again within 30 s.
    /// </summary>
    public static readonly TimeSpan RunningLease = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Claims up to <paramref name="max"/> due sources, the longest overdue first, in one statement
    /// that also returns what their fetches need: one write however many are claimed. On PostgreSQL
    /// rows another instance is claiming right now are skipped, not waited for (SKIP LOCKED);
    /// SQLite has one writer at a time, so the statement sees every earlier claim.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedSource>> ClaimDueAsync(int max, CancellationToken ct)
    {
        if (max <= 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + RunningLease;
        var query = db is PostgresNewsBotDbContext
            ? db.Database.SqlQuery<ClaimedSource>($"""
                UPDATE "Sources" SET "PollClaimedUntil" = {until}
                WHERE "Id" IN (SELECT "Id" FROM "Sources"
                    WHERE NOT "Paused" AND "NextPollAt" <= {now} AND ("PollClaimedUntil" IS NULL OR "PollClaimedUntil" < {now})
                    ORDER BY "NextPollAt" LIMIT {max} FOR UPDATE SKIP LOCKED)
                RETURNING "Id", "Url", "ETag", "LastModified", "ContentHash", "Kind", "PageLinkSelector"
                """)
            : db.Database.SqlQuery<ClaimedSource>($"""
                UPDATE "Sources" SET "PollClaimedUntil" = {until}
                WHERE "Id" IN (SELECT "Id" FROM "Sources"
                    WHERE NOT "Paused" AND "NextPollAt" <= {now} AND ("PollClaimedUntil" IS NULL OR "PollClaimedUntil" < {now})
                    ORDER BY "NextPollAt" LIMIT {max})
                RETURNING "Id", "Url", "ETag", "LastModified", "ContentHash", "Kind", "PageLinkSelector"
                """);
        return await query.ToListAsync(ct);
    }

    /// <summary>Extends the claims still held on <paramref name="ids"/> (one statement for all of this instance's polls).</summary>
    public async Task RenewAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = time.GetUtcNow().UtcDateTime + RunningLease;
        // Only a claim that is still held: recording a poll's outcome releases it.
        await db.Sources.Where(s => ids.Contains(s.Id) && s.PollClaimedUntil != null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, until), ct);
    }

    /// <summary>Gives <paramref name="ids"/> back to every scheduler at once (polls cancelled by a stop).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Sources.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, (DateTime?)null), ct);
    }
}
