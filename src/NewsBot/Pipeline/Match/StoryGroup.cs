using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// A story with every story merged into it (<see cref="Story.MergedIntoId"/> always names a story
/// that is not merged itself, so one hop reaches the group): its alerts and its sources.
/// </summary>
public static class StoryGroup
{
    /// <summary>The story <paramref name="storyId"/> counts as: the one it was merged into, else itself.</summary>
    public static async Task<long> RootAsync(NewsBotDbContext db, long storyId, CancellationToken ct) =>
        await db.Stories.Where(s => s.Id == storyId).Select(s => s.MergedIntoId).FirstOrDefaultAsync(ct) ?? storyId;

    /// <summary>The alerts of the story <paramref name="root"/> and of the stories merged into it.</summary>
    public static IQueryable<Alert> Alerts(NewsBotDbContext db, long root) =>
        db.Alerts.Where(a => a.StoryId == root || a.Story!.MergedIntoId == root);

    /// <summary>The source rows of the story <paramref name="root"/> and of the stories merged into it.</summary>
    public static IQueryable<StorySource> Sources(NewsBotDbContext db, long root) =>
        db.StorySources.Where(s => s.StoryId == root || s.Story!.MergedIntoId == root);

    /// <summary>
    /// The stories' sources changed: every live alert of theirs is due for an edit once sent (unless its chat
    /// muted the story: <see cref="StoryMutes"/>). One
    /// atomic UPDATE (no read-modify-write), and the version the sender compares is raised, so an
    /// edit in flight while this runs is followed by another (ChatDelivery).
    /// </summary>
    public static Task<int> FlagAlertsAsync(NewsBotDbContext db, IReadOnlyCollection<long> roots, CancellationToken ct) =>
        roots.Count == 0 ? Task.FromResult(0) : db.Alerts
            .Where(a => a.StoryId != null && (roots.Contains(a.StoryId.Value) || (a.Story!.MergedIntoId != null && roots.Contains(a.Story.MergedIntoId.Value))))
            .Where(a => a.Status != AlertStatus.Failed)
            .Where(a => !db.ChatStoryMutes.Any(m => m.ChatId == a.ChatId && (m.StoryId == a.StoryId || m.StoryId == a.Story!.MergedIntoId)))
            .ExecuteUpdateAsync(u => u
                .SetProperty(a => a.UpdatePending, a => a.UpdatePending || a.Status == AlertStatus.Sent)
                .SetProperty(a => a.SourcesVersion, a => a.SourcesVersion + 1), ct);
}
