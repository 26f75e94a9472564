using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;

namespace NewsBot.Scaling;

/// <summary>
/// Which filter ids were stored or deleted since the last round, read cheaply. Ids only grow, so
/// rows above the highest id seen are new. Below it, a count and sum of the ids tell whether
/// anything changed there: a deletion (/remove, /stop, a chat deleted with its filters) or a row
/// that committed late with a lower id (PostgreSQL hands out ids at insert, not at commit). Only
/// then is the id list below the mark read again. No migration needed: the primary key serves all three.
/// </summary>
internal sealed class FilterChanges
{
    private readonly HashSet<long> _known = [];
    private long _highest;
    private long _sum;

    public async Task<(IReadOnlyList<long> Added, IReadOnlyList<long> Removed)> ReadAsync(NewsBotDbContext db, CancellationToken ct)
    {
        var highest = _highest;
        var below = await db.Filters.Where(f => f.Id <= highest)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(f => f.Id) })
            .FirstOrDefaultAsync(ct);
        var added = new List<long>();
        var removed = new List<long>();
        if ((below?.Count ?? 0) != _known.Count || (below?.Sum ?? 0) != _sum)
        {
            var stored = (await db.Filters.Where(f => f.Id <= highest).Select(f => f.Id).ToListAsync(ct)).ToHashSet();
            added.AddRange(stored.Where(id => !_known.Contains(id)));
            removed.AddRange(_known.Where(id => !stored.Contains(id)));
        }
        added.AddRange(await db.Filters.Where(f => f.Id > highest).Select(f => f.Id).ToListAsync(ct));
        return (added, removed);
    }

    /// <summary>Called once the index has the changes, so a failed round is read again whole next time.</summary>
    public void Commit(IReadOnlyList<long> added, IReadOnlyList<long> removed)
    {
        foreach (var id in removed)
            if (_known.Remove(id)) _sum -= id;
        foreach (var id in added)
        {
            if (!_known.Add(id)) continue;
            _sum += id;
            _highest = Math.Max(_highest, id);
        }
    }
}
