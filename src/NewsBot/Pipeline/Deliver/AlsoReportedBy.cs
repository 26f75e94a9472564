using Microsoft.EntityFrameworkCore;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Deliver;

/// <summary>
/// The "also reported by" names of an alert, read from the story's source rows when the alert is
/// rendered: every source of the story and of the stories merged into it, in the order they first
/// reported it, the alert's own source left out. An outlet is named once (<see cref="SourceAddress.Outlet"/>:
/// two feeds of one site are one outlet), and not at all when it is the alert's own. Nothing is kept on the
/// alert, so nothing there can be lost.
/// </summary>
public static class AlsoReportedBy
{
    /// <summary>One source of a story: who, and since when.</summary>
    public sealed record Reporter(long SourceId, string Name, string Outlet);

    public static async Task<IReadOnlyList<string>> LoadAsync(NewsBotDbContext db, long? storyId, long ownSourceId, CancellationToken ct)
    {
        if (storyId is not { } id) return [];
        var reporters = await ForStoriesAsync(db, [id], ct);
        return Except(reporters[id], ownSourceId);
    }

    /// <summary>The reporters of each story (first reported first), by story id; two queries for any number of stories.</summary>
    public static async Task<Dictionary<long, IReadOnlyList<Reporter>>> ForStoriesAsync(NewsBotDbContext db, IReadOnlyCollection<long> storyIds, CancellationToken ct)
    {
        var roots = await db.Stories.AsNoTracking().Where(s => storyIds.Contains(s.Id))
            .Select(s => new { s.Id, Root = s.MergedIntoId ?? s.Id }).ToListAsync(ct);
        var rootIds = roots.Select(r => r.Root).Distinct().ToList();
        var rows = await db.StorySources.AsNoTracking()
            .Where(s => rootIds.Contains(s.StoryId) || (s.Story!.MergedIntoId != null && rootIds.Contains(s.Story.MergedIntoId.Value)))
            .Select(s => new { Root = s.Story!.MergedIntoId ?? s.StoryId, s.SourceId, s.Source!.Name, s.Source.Url, s.FirstReportedAt })
            .ToListAsync(ct);
        // A source can have rows on two stories that merged: it counts once, from its first report.
        var byRoot = rows.GroupBy(r => r.Root).ToDictionary(g => g.Key, g => (IReadOnlyList<Reporter>)g
            .GroupBy(r => r.SourceId).Select(s => s.MinBy(r => r.FirstReportedAt)!)
            .OrderBy(r => r.FirstReportedAt).ThenBy(r => r.SourceId)
            .Select(r => new Reporter(r.SourceId, r.Name, SourceAddress.Outlet(r.Url))).ToList());
        var result = roots.ToDictionary(r => r.Id, r => byRoot.GetValueOrDefault(r.Root) ?? []);
        foreach (var id in storyIds) result.TryAdd(id, []);
        return result;
    }

    /// <summary>The names an alert's message showed (<paramref name="shown"/>, as stored) first in their order, then the rest.</summary>
    public static IReadOnlyList<string> ShownFirst(IReadOnlyList<string> names, string shown)
    {
        if (shown.Length == 0) return names;
        var before = shown.Split(Storage.Entities.Alert.TermSeparator).Where(names.Contains).ToList();
        return before.Concat(names.Except(before)).ToList();
    }

    public static IReadOnlyList<string> Except(IReadOnlyList<Reporter> reporters, long ownSourceId)
    {
        var own = reporters.FirstOrDefault(r => r.SourceId == ownSourceId)?.Outlet;
        return reporters.Where(r => r.SourceId != ownSourceId && r.Outlet != own).DistinctBy(r => r.Outlet).Select(r => r.Name).ToList();
    }
}
