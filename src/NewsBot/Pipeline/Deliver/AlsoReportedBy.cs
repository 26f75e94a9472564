using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Deliver;

/// <summary>
/// The "also reported by" names of an alert, read from the story's source rows when the alert is
/// rendered: every source of the story and of the stories merged into it, in the order they first
/// reported it, the alert's own source left out. Every source is named, also a second feed of one site:
/// sites are not publishers (feeds.feedburner.com carries many), so hiding a name by its host could hide
/// a real outlet. Nothing is kept on the alert, so nothing there can be lost.
/// </summary>
public static class AlsoReportedBy
{
    /// <summary>One source of a story: who, and since when.</summary>
    public sealed record Reporter(long SourceId, string Name);

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
            .Select(s => new { Root = s.Story!.MergedIntoId ?? s.StoryId, s.SourceId, s.Source!.Name, s.FirstReportedAt })
            .ToListAsync(ct);
        // A source can have rows on two stories that merged: it counts once, from its first report.
        var byRoot = rows.GroupBy(r => r.Root).ToDictionary(g => g.Key, g => (IReadOnlyList<Reporter>)g
            .GroupBy(r => r.SourceId).Select(s => s.MinBy(r => r.FirstReportedAt)!)
            .OrderBy(r => r.FirstReportedAt).ThenBy(r => r.SourceId)
            .Select(r => new Reporter(r.SourceId, r.Name)).ToList());
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

    public static IReadOnlyList<string> Except(IReadOnlyList<Reporter> reporters, long ownSourceId) =>
        reporters.Where(r => r.SourceId != ownSourceId).Select(r => r.Name).ToList();
}
