using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Core.Stories;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>A story known by id (stored) or by entity (created in this batch, id assigned on save).</summary>
internal readonly record struct StoryRef(long? Id, Story? New);

/// <summary>The alert rows one poll stages: new alerts, and "also" names on alerts chats already have.</summary>
internal sealed class AlertBatch(NewsBotDbContext db, Source source, DateTime now)
{
    public DateTime Now => now;
    public List<(Article Article, StorySignature Signature)> Grouped { get; } = [];
    public List<(Story Story, StorySignature Signature)> NewStories { get; } = [];
    public List<Alert> NewAlerts { get; } = [];
    public int UpdatedAlerts { get; private set; }

    /// <summary>
    /// Every chat already alerted about this story learns that this source reports it too,
    /// whether or not the new article matches its filters: it is the same news.
    /// </summary>
    public async Task AddAlsoSourceToStoryAsync(long storyId, CancellationToken ct)
    {
        var alerts = await db.Alerts.Include(a => a.Article).ThenInclude(a => a!.Source)
            .Where(a => a.StoryId == storyId && a.Status != AlertStatus.Failed).ToListAsync(ct);
        foreach (var alert in alerts) AddAlsoSource(alert);
    }

    public async Task AlertAsync(FilterMatch match, Article article, StoryRef story, CancellationToken ct)
    {
        // One alert per chat per story: a chat that already has one got "also" above.
        var alreadyAlerted = NewAlerts.Any(a => a.ChatId == match.ChatId
            && (story.Id is { } id ? a.StoryId == id : ReferenceEquals(a.Story, story.New)));
        if (!alreadyAlerted && story.Id is { } storyId)
            alreadyAlerted = await db.Alerts.AnyAsync(a => a.ChatId == match.ChatId && a.StoryId == storyId, ct);
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

    /// <summary>The chat already has this story: name the new source on it; a sent message gets edited, not repeated.</summary>
    private void AddAlsoSource(Alert alert)
    {
        // An alert created in this batch is for an article of this same source.
        var original = alert.Article?.Source?.Name ?? source.Name;
        var also = alert.AlsoSources.Split(Alert.TermSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (source.Name == original || also.Contains(source.Name)) return;
        also.Add(source.Name);
        alert.AlsoSources = string.Join(Alert.TermSeparator, also);
        if (alert.Status == AlertStatus.Sent) alert.UpdatePending = true;
        UpdatedAlerts++;
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
