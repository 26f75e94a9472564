using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;

namespace NewsBot.StoryHostEval;

/// <summary>Stories merged into others (Stories.MergedIntoId, when the schema has it): an article of a merged story counts as the survivor's.</summary>
public static class StoryMerges
{
    public static async Task<Dictionary<long, long>> ReadAsync(NewsBotDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var story = db.Model.FindEntityType(typeof(NewsBot.Storage.Entities.Story));
        if (story?.FindProperty("MergedIntoId") is null) return [];
        var rows = await db.Stories.AsNoTracking()
            .Where(s => EF.Property<long?>(s, "MergedIntoId") != null)
            .Select(s => new { s.Id, Into = EF.Property<long?>(s, "MergedIntoId") })
            .ToListAsync();
        return rows.ToDictionary(r => r.Id, r => r.Into!.Value);
    }

    public static long Resolve(Dictionary<long, long> merged, long id)
    {
        for (var hops = 0; hops < 1000 && merged.TryGetValue(id, out var into); hops++) id = into;
        return id;
    }
}
