using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// Merges stories found to be one event (an article joined both, or two polls started the same
/// event at once, here or on another instance) into the oldest, the lowest id, so every instance
/// picks the same survivor. The absorbed stories' articles move to the survivor; their alerts keep
/// their rows: a chat with alerts on several of them keeps the one it was sent (or the first) and
/// gets no new notification, and every sent one is edited to name the merged sources.
/// </summary>
public sealed partial class StoryMerger(IDbContextFactory<NewsBotDbContext> dbFactory, StoryIndexHolder stories, TimeProvider time, ILogger<StoryMerger> log)
{
    /// <summary>Any number: merges take one lock for the whole database, rare as they are.</summary>
    private const long MergeLockKey = 0x4E657773426F7402;

    /// <summary>
    /// Merges each connected group of <paramref name="pairs"/> (stored and in the index) and returns
    /// the survivor each story of them now counts as. A failure is logged: the stories stay apart
    /// until the next article that joins both.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, long>> MergeAsync(IReadOnlyCollection<(long A, long B)> pairs, CancellationToken ct)
    {
        var survivors = new Dictionary<long, long>();
        if (pairs.Count == 0) return survivors;
        foreach (var group in Groups(pairs))
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var survivor = await MergeStoredAsync(db, group, ct);
                foreach (var id in group)
                {
                    stories.Index.Merge(survivor, id);
                    survivors[id] = survivor;
                }
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                LogMergeFailed(group, e.Message);
            }
        }
        return survivors;
    }

    private async Task<long> MergeStoredAsync(NewsBotDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two instances merging overlapping groups at once could otherwise chain merges (3 into 2 into 1).
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({MergeLockKey})", ct);
        var roots = await db.Stories.Where(s => ids.Contains(s.Id)).Select(s => s.MergedIntoId ?? s.Id).Distinct().ToListAsync(ct);
        if (roots.Count < 2) return roots.Count == 1 ? roots[0] : ids.Min();
        var survivor = roots.Min();
        var absorbed = roots.Where(r => r != survivor).ToList();
        await db.Stories.Where(s => absorbed.Contains(s.Id) || (s.MergedIntoId != null && absorbed.Contains(s.MergedIntoId.Value)))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.MergedIntoId, survivor), ct);
        await db.Articles.Where(a => a.StoryId != null && absorbed.Contains(a.StoryId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.StoryId, survivor), ct);
        await MoveCoverageHoldsAsync(db, survivor, absorbed, ct);
        await StoryMutes.CarryOverAsync(db, survivor, absorbed, time.GetUtcNow().UtcDateTime, ct);
        var dropped = await DropDuplicateAlertsAsync(db, survivor, ct);
        await StoryGroup.FlagAlertsAsync(db, [survivor], ct);
        await tx.CommitAsync(ct);
        LogMerged(survivor, absorbed, dropped);
        return survivor;
    }

    /// <summary>
    /// One alert per chat per story: of a chat's alerts on the merged stories, those sent or being
    /// sent stay (they get the edit), and the rest go; with none out yet, the first stays. A row is
    /// dropped only while no sender holds it, so a send already under way is never lost track of.
    /// </summary>
    private async Task<int> DropDuplicateAlertsAsync(NewsBotDbContext db, long survivor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var alerts = await StoryGroup.Alerts(db, survivor).Where(a => a.Status != AlertStatus.Failed)
            .Select(a => new { a.Id, a.ChatId, a.Status, a.ClaimedUntil }).ToListAsync(ct);
        var drop = new List<long>();
        foreach (var chat in alerts.GroupBy(a => a.ChatId).Where(g => g.Count() > 1))
        {
            var outNow = chat.Where(a => a.Status == AlertStatus.Sent || a.ClaimedUntil > now).Select(a => a.Id).ToHashSet();
            if (outNow.Count == 0) outNow.Add(chat.Min(a => a.Id));
            drop.AddRange(chat.Select(a => a.Id).Where(id => !outNow.Contains(id)));
        }
        if (drop.Count == 0) return 0;
        return await db.Alerts.Where(a => drop.Contains(a.Id) && a.Status == AlertStatus.Pending && (a.ClaimedUntil == null || a.ClaimedUntil <= now))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Matches held for <c>outlets:N</c> follow their story to the survivor, where the next report counts
    /// the merged outlets; a chat held on several of the stories keeps its least demanding hold (one per chat per story).
    /// </summary>
    private static async Task MoveCoverageHoldsAsync(NewsBotDbContext db, long survivor, List<long> absorbed, CancellationToken ct)
    {
        var holds = await db.CoverageHolds.Where(h => h.StoryId == survivor || absorbed.Contains(h.StoryId)).ToListAsync(ct);
        if (holds.Count == 0) return;
        var kept = holds.GroupBy(h => h.ChatId).Select(chat => chat.OrderBy(h => h.MinOutlets).ThenBy(h => h.StoryId == survivor ? 0 : 1).First()).ToList();
        // Deleted first, in a save of their own: the unique (chat, story) index must never see two rows.
        db.CoverageHolds.RemoveRange(holds.Except(kept));
        await db.SaveChangesAsync(ct);
        foreach (var hold in kept) hold.StoryId = survivor;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The connected groups of the pairs (stories linked through a chain of pairs are one event).</summary>
    private static List<List<long>> Groups(IReadOnlyCollection<(long A, long B)> pairs)
    {
        var parent = new Dictionary<long, long>();
        long Find(long x)
        {
            while (parent.TryGetValue(x, out var p) && p != x) x = p;
            return x;
        }
        foreach (var (a, b) in pairs)
        {
            parent.TryAdd(a, a);
            parent.TryAdd(b, b);
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
        return parent.Keys.GroupBy(Find).Where(g => g.Count() > 1).Select(g => g.ToList()).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "stories {Absorbed} merged into story {Survivor} (one event); {Dropped} unsent duplicate alerts dropped")]
    private partial void LogMerged(long survivor, IReadOnlyList<long> absorbed, int dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "stories {Stories}: merge failed ({Cause}); they stay apart until an article joins them again")]
    private partial void LogMergeFailed(IReadOnlyList<long> stories, string cause);
}
