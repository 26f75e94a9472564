using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Core.Stories;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>A story known by id (stored) or by entity (created in this batch, id assigned on save).</summary>
internal readonly record struct StoryRef(long? Id, Story? New);

/// <summary>
/// The rows one poll stages: new alerts, and a source row for each story this source reports for
/// the first time. "Also" names are never written onto alerts: they are read from the source rows
/// when an alert is rendered, so concurrent polls only add rows and lose nothing.
/// </summary>
internal sealed class AlertBatch(NewsBotDbContext db, Source source, DateTime now)
{
    private readonly HashSet<long> _reported = [];
    private readonly HashSet<Story> _reportedNew = [];

    public DateTime Now => now;
    public List<(Article Article, StorySignature Signature)> Grouped { get; } = [];
    public List<(Story Story, StorySignature Signature)> NewStories { get; } = [];
    public List<Alert> NewAlerts { get; } = [];

    /// <summary>Known stories (by the id they count as) that this source reports for the first time: their alerts get an edit after the save.</summary>
    public List<long> GainedSource { get; } = [];

    /// <summary>Stories found to be one event (an article joined several): merged after the save.</summary>
    public List<(long Survivor, long Absorbed)> Merges { get; } = [];

    public int UpdatedAlerts { get; private set; }

    /// <summary>
    /// Records that this source reports the story. Every chat already alerted about it learns so
    /// (whether or not the new article matches its filters: it is the same news).
    /// </summary>
    public async Task ReportAsync(StoryRef story, CancellationToken ct)
    {
        if (story.New is { } fresh)
        {
            if (_reportedNew.Add(fresh)) db.StorySources.Add(new StorySource { Story = fresh, SourceId = source.Id, FirstReportedAt = now });
            return;
        }
        if (story.Id is not { } root || !_reported.Add(root)) return;
        // One poll at a time per source (SourceClaims), so nobody else adds this source's row meanwhile.
        if (await StoryGroup.Sources(db, root).AnyAsync(s => s.SourceId == source.Id, ct)) return;
        db.StorySources.Add(new StorySource { StoryId = root, SourceId = source.Id, FirstReportedAt = now });
        GainedSource.Add(root);
        UpdatedAlerts += await StoryGroup.Alerts(db, root).CountAsync(a => a.Status != AlertStatus.Failed, ct);
    }

    /// <summary>
    /// The story an article joins when the index found <paramref name="found"/> (null: none): the
    /// oldest of the stories they count as. Merges another instance stored are learnt here; an
    /// article that joins several stories bridges them, and they merge after the save.
    /// </summary>
    public async Task<long?> SurvivorAsync(IReadOnlyList<long> found, CancellationToken ct)
    {
        if (found.Count == 0) return null;
        var roots = new List<long>(found.Count);
        foreach (var id in found)
        {
            var root = await StoryGroup.RootAsync(db, id, ct);
            if (root != id) Merges.Add((root, id));
            roots.Add(root);
        }
        var survivor = roots.Min();
        foreach (var root in roots.Distinct())
            if (root != survivor) Merges.Add((survivor, root));
        return survivor;
    }

    public async Task AlertAsync(FilterMatch match, Article article, StoryRef story, CancellationToken ct)
    {
        // One alert per chat per story (counting the stories merged into it): a chat that has one gets the edit instead.
        var alreadyAlerted = NewAlerts.Any(a => a.ChatId == match.ChatId
            && (story.Id is { } id ? a.StoryId == id : ReferenceEquals(a.Story, story.New)));
        if (!alreadyAlerted && story.Id is { } storyId)
            alreadyAlerted = await StoryGroup.Alerts(db, storyId).AnyAsync(a => a.ChatId == match.ChatId, ct)
                || await StoryMutes.IsMutedAsync(db, match.ChatId, storyId, ct); // "Mute this story"
        if (alreadyAlerted) return;
        NewAlerts.Add(new Alert
        {
            ChatId = match.ChatId,
            Article = article,
            FilterId = match.FilterId,
            StoryId = story.Id,
            Story = story.New,
            MatchedTerms = string.Join(Alert.TermSeparator, match.MatchedTerms),
            Status = AlertStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>Paused and deactivated chats get no new alerts; checked here so the index stays a pure function of filters.</summary>
    public async Task DropNonReceivingChatsAsync(CancellationToken ct)
    {
        if (NewAlerts.Count == 0) return;
        var chatIds = NewAlerts.Select(a => a.ChatId).Distinct().ToList();
        var receiving = (await db.Chats
                .Where(c => chatIds.Contains(c.Id) && !c.Paused && c.DeactivatedReason == null)
                .Select(c => c.Id)
                .ToListAsync(ct))
            .ToHashSet();
        NewAlerts.RemoveAll(a => !receiving.Contains(a.ChatId));
        db.Alerts.AddRange(NewAlerts);
    }
}
