using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// "Mute this story": a chat's <see cref="ChatStoryMute"/> on a story's root (the story it counts as) stops
/// new alerts (<see cref="AlertBatch"/>), held coverage matches (<see cref="CoverageGate"/>) and "also reported
/// by" edits (<see cref="StoryGroup.FlagAlertsAsync"/>, ChatDelivery) from that story in that chat. A merge copies
/// the mutes of the absorbed stories to the survivor, so a mute also covers what the story becomes.
/// </summary>
public static class StoryMutes
{
    public static Task<bool> IsMutedAsync(NewsBotDbContext db, long chatId, long storyRoot, CancellationToken ct) =>
        db.ChatStoryMutes.AnyAsync(m => m.ChatId == chatId && m.StoryId == storyRoot, ct);

    /// <summary>Whether the chat muted the alert's story (its own story, or the one it was merged into).</summary>
    public static Task<bool> IsMutedAsync(NewsBotDbContext db, Alert alert, CancellationToken ct) =>
        alert.StoryId is not { } story ? Task.FromResult(false)
            : db.ChatStoryMutes.AnyAsync(m => m.ChatId == alert.ChatId
                && (m.StoryId == story || db.Stories.Any(s => s.Id == story && s.MergedIntoId == m.StoryId)), ct);

    /// <summary>
    /// Right after a mute: the chat's pending edits of the story are dropped, an unsent alert of it is given up
    /// (it was matched before the mute), and a held coverage match is dropped.
    /// </summary>
    public static async Task SettleAsync(NewsBotDbContext db, long chatId, long root, CancellationToken ct)
    {
        var alerts = StoryGroup.Alerts(db, root).Where(a => a.ChatId == chatId);
        await alerts.Where(a => a.Status == AlertStatus.Sent && a.UpdatePending).ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatePending, false), ct);
        await alerts.Where(a => a.Status == AlertStatus.Pending && (a.ClaimedUntil == null)).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Status, AlertStatus.Failed).SetProperty(a => a.LastError, MutedReason), ct);
        await db.CoverageHolds.Where(h => h.ChatId == chatId && (h.StoryId == root || db.Stories.Any(s => s.Id == h.StoryId && s.MergedIntoId == root)))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>Why an alert matched before its chat muted the story was never sent.</summary>
    public const string MutedReason = "not sent: the chat muted this story";

    /// <summary>In a merge: the chats that muted an absorbed story have muted the survivor too.</summary>
    public static async Task CarryOverAsync(NewsBotDbContext db, long survivor, IReadOnlyCollection<long> absorbed, DateTime now, CancellationToken ct)
    {
        var chats = await db.ChatStoryMutes.Where(m => absorbed.Contains(m.StoryId)).Select(m => m.ChatId).Distinct().ToListAsync(ct);
        if (chats.Count == 0) return;
        var already = await db.ChatStoryMutes.Where(m => m.StoryId == survivor && chats.Contains(m.ChatId)).Select(m => m.ChatId).ToListAsync(ct);
        db.ChatStoryMutes.AddRange(chats.Except(already).Select(chat => new ChatStoryMute { ChatId = chat, StoryId = survivor, CreatedAt = now }));
        await db.SaveChangesAsync(ct);
    }
}
