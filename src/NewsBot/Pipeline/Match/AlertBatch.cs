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
/// <remarks>
/// A member's personal filter alerts the member's private chat (the alert's chat is the recipient, its
/// <see cref="Alert.ViaChatId"/> the shared chat), or mentions them in the shared chat when no private chat
/// reaches them (<see cref="MemberMention"/>); it never alerts the shared chat itself.
/// </remarks>
internal sealed class AlertBatch(NewsBotDbContext db, Source source, DateTime now, FilterIndexHolder? filters = null)
{
    private readonly HashSet<long> _reported = [];
    private readonly HashSet<Story> _reportedNew = [];

    public DateTime Now => now;
    public List<(Article Article, StorySignature Signature)> Grouped { get; } = [];
    public List<(Story Story, StorySignature Signature)> NewStories { get; } = [];
    public List<Alert> NewAlerts { get; } = [];
    public List<MemberMention> NewMentions { get; } = [];

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
            ViaChatId = filters?.PersonalOf(match.FilterId)?.SharedChatId,
            StoryId = story.Id,
            Story = story.New,
            MatchedTerms = string.Join(Alert.TermSeparator, match.MatchedTerms),
            Status = AlertStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>
    /// A personal filter's member with no private chat is mentioned in the shared chat instead: once per
    /// member, chat and story (an update of the story mentions nobody again).
    /// </summary>
    public async Task MentionAsync(FilterMatch match, PersonalRoute route, Article article, StoryRef story, CancellationToken ct)
    {
        var already = NewMentions.Any(m => m.ChatId == route.SharedChatId && m.UserId == route.OwnerUserId
            && (ReferenceEquals(m.Article, article) || (story.Id is { } id ? m.Article!.StoryId == id : story.New is { } fresh && ReferenceEquals(m.Article!.Story, fresh))));
        if (!already && story.Id is { } storyId)
            already = await db.MemberMentions.AnyAsync(m => m.ChatId == route.SharedChatId && m.UserId == route.OwnerUserId
                && (m.Article!.StoryId == storyId || m.Article.Story!.MergedIntoId == storyId), ct);
        if (already) return;
        NewMentions.Add(new MemberMention
        {
            ChatId = route.SharedChatId, Article = article, UserId = route.OwnerUserId, UserName = route.OwnerName,
            MatchedTerms = string.Join(Alert.TermSeparator, match.MatchedTerms),
            Status = AlertStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>
    /// Paused and deactivated chats get no new alerts; checked here so the index stays a pure function of filters.
    /// A personal alert whose private chat is gone (the member blocked the bot, or never started it) becomes a
    /// mention in its shared chat; nothing personal comes from a shared chat that is itself gone.
    /// </summary>
    public async Task DropNonReceivingChatsAsync(CancellationToken ct)
    {
        if (NewAlerts.Count == 0 && NewMentions.Count == 0) return;
        var chatIds = NewAlerts.SelectMany(a => new[] { a.ChatId, a.ViaChatId ?? a.ChatId }).Concat(NewMentions.Select(m => m.ChatId)).Distinct().ToList();
        var states = await db.Chats.Where(c => chatIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Paused, Gone = c.DeactivatedReason != null }).ToDictionaryAsync(c => c.Id, ct);
        bool Active(long id) => states.TryGetValue(id, out var c) && !c.Gone;
        foreach (var alert in NewAlerts.Where(a => a.ViaChatId is { } via && Active(via) && !Active(a.ChatId)).ToList())
        {
            var route = filters?.PersonalOf(alert.FilterId ?? 0);
            if (route is null) continue;
            var match = new FilterMatch(alert.FilterId!.Value, route.SharedChatId, alert.MatchedTerms.Split(Alert.TermSeparator, StringSplitOptions.RemoveEmptyEntries));
            await MentionAsync(match, route, alert.Article!, new StoryRef(alert.StoryId, alert.Story), ct);
        }
        NewAlerts.RemoveAll(a => !Active(a.ChatId) || states[a.ChatId].Paused || (a.ViaChatId is { } via && !Active(via)));
        NewMentions.RemoveAll(m => !Active(m.ChatId));
        db.Alerts.AddRange(NewAlerts);
        db.MemberMentions.AddRange(NewMentions);
    }
}
