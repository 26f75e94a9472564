using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Core.Stories;
using NewsBot.Pipeline.Enrich;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// Turns a poll's new articles into alert rows, in the poll's transaction: one alert per chat per
/// story, or "also reported by" on the alert the chat already has for that story.
/// </summary>
public sealed class ArticleMatcher(
    FilterIndexHolder filters, StoryIndexHolder stories, StoryMerger merger, StoryIndexSync sync, ArticleEnrichmentRule enrichment,
    IDbContextFactory<NewsBotDbContext> dbFactory, StoryEmbeddings? embeddings = null)
{
    /// <summary>Adds stories, story sources and alerts to <paramref name="db"/>; the caller saves, calls <see cref="RecordAsync"/> in the same transaction, then <see cref="PublishAsync"/>.</summary>
    public async Task<MatchOutcome> MatchAsync(NewsBotDbContext db, Source source, IReadOnlyList<Article> articles, bool alerting, DateTime now, CancellationToken ct)
    {
        var host = SourceAddress.Host(source.Url);
        // Story signatures and matching are CPU work over a stranger's text: on a thread of their own,
        // given up when the poll's budget (ct) is spent.
        var prepared = await CpuBudget.RunAsync(token => Prepare(articles, source, host, alerting, token), ct);
        // The optional model embeds only what may alert (one request; on any failure none, and grouping stays lexical).
        if (alerting && embeddings is not null) await embeddings.EmbedAsync(articles, ct);
        var batch = new AlertBatch(db, source, now, filters);
        var coverage = new CoverageGate(batch, db, source, stories.Window);
        foreach (var (article, lexical, matches, mentions) in prepared)
        {
            var signature = StoryEmbeddingBytes.Attach(lexical, article.StoryEmbedding);
            var story = alerting ? await AssignStoryAsync(batch, article, signature, ct) : await JoinKnownStoryAsync(batch, article, signature, ct);
            await batch.ReportAsync(story, ct);
            await AlertOrHoldAsync(batch, coverage, matches, article, story, ct);
            foreach (var (match, route) in mentions) await batch.MentionAsync(match, route, article, story, ct);
        }
        await batch.DropNonReceivingChatsAsync(ct);
        var toEnrich = HoldForEnrichment(batch.NewAlerts, now);
        return new MatchOutcome(articles.Count, batch.NewAlerts.Count, batch.UpdatedAlerts, batch.Grouped, toEnrich)
        {
            GainedSource = batch.GainedSource,
            NewMentions = batch.NewMentions.Count,
            Merges = batch.Merges,
            HeldNewStories = HoldNewStories(batch.NewAlerts, toEnrich, now),
        };
    }

    /// <summary>
    /// After the save, in the poll's transaction: the alerts of stories this source joined are due
    /// for an edit, so the new name shows exactly when the row that holds it is committed; and the
    /// articles this instance indexes itself are known as such before another's round could read them.
    /// </summary>
    public Task RecordAsync(NewsBotDbContext db, MatchOutcome outcome, CancellationToken ct)
    {
        foreach (var (article, _) in outcome.Grouped)
            if (article.StorySignature is not null) sync.MarkLocal(article.Id, article.FetchedAt);
        return StoryGroup.FlagAlertsAsync(db, outcome.GainedSource, ct);
    }

    /// <summary>
    /// After the commit: the new articles that may alert join the story index, so later articles find
    /// their story. A concurrent poll (here or on another instance) may have started a story of the
    /// same event meanwhile: it is in the index now, and the two merge into the older
    /// (<see cref="StoryMerger"/>). The index holds exactly the articles whose signature is stored,
    /// so a restart rebuilds the same index.
    /// </summary>
    /// <returns>How long the new stories' alerts still wait (<see cref="StoryIndexSync.Settle"/>); zero when they are due now.</returns>
    public async Task<TimeSpan> PublishAsync(MatchOutcome outcome, DateTime now, CancellationToken ct)
    {
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        var merges = new List<(long, long)>(outcome.Merges);
        var published = new List<(long StoryId, StorySignature Signature)>();
        foreach (var (article, signature) in outcome.Grouped)
        {
            if (article.StorySignature is null) continue;
            var own = article.StoryId ?? article.Story!.Id;
            foreach (var other in stories.Index.FindStories(signature, at))
                if (other != own) merges.Add((own, other));
            published.Add((own, signature));
        }
        var survivors = await merger.MergeAsync(merges, ct);
        foreach (var (storyId, signature) in published)
            stories.Index.Add(survivors.GetValueOrDefault(storyId, storyId), signature, at);
        return await ReleaseNewStoriesAsync(outcome.HeldNewStories, now, ct);
    }

    /// <summary>
    /// A new story's alerts are not due until <see cref="PublishAsync"/> has merged it with any story
    /// of the same event a concurrent poll started (else a sender busy with the chat could send both):
    /// due at <see cref="HeldUntilPublished"/> should the publish never come (a crash), and released
    /// by it. Alerts waiting for enrichment keep their own deadline.
    /// </summary>
    private static List<Alert> HoldNewStories(List<Alert> alerts, IReadOnlyList<Article> toEnrich, DateTime now)
    {
        var held = alerts.Where(a => a.StoryId is null && !toEnrich.Contains(a.Article!)).ToList();
        foreach (var alert in held) alert.NextAttemptAt = now + HeldUntilPublished;
        return held;
    }

    /// <summary>Longer than a poll takes from its commit to its publish; short enough to be news still.</summary>
    private static readonly TimeSpan HeldUntilPublished = TimeSpan.FromSeconds(10);

    /// <summary>
    /// With one instance the held alerts are due now. With several, another may be starting a story
    /// of the same event right now and learns of this one only at its next sync round: they wait
    /// <see cref="StoryIndexSync.Settle"/> more, so the two merge before anyone is notified twice.
    /// </summary>
    private async Task<TimeSpan> ReleaseNewStoriesAsync(IReadOnlyList<Alert> held, DateTime now, CancellationToken ct)
    {
        if (held.Count == 0) return TimeSpan.Zero;
        var settle = sync.Settle;
        var ids = held.Select(a => a.Id).ToList();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Alerts.Where(a => ids.Contains(a.Id) && a.Status == AlertStatus.Pending && a.HeldFor == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.NextAttemptAt, now + settle), ct);
            return settle;
        }
        catch (System.Data.Common.DbException)
        {
            return HeldUntilPublished; // they come due by themselves then; the poll is stored
        }
    }

    /// <summary>
    /// Alerts of an article that gets a page read or a model summary are due at the deadline; the
    /// enrichment job makes them due as soon as it is done. Either way the article is enriched once,
    /// before its first send, never per chat in the send loop.
    /// </summary>
    private List<Article> HoldForEnrichment(List<Alert> alerts, DateTime now)
    {
        var toEnrich = new List<Article>();
        foreach (var perArticle in alerts.GroupBy(a => a.Article!))
        {
            if (!enrichment.Needed(perArticle.Key)) continue;
            toEnrich.Add(perArticle.Key);
            foreach (var alert in perArticle) alert.NextAttemptAt = now + enrichment.Deadline;
        }
        return toEnrich;
    }

    private sealed record Prepared(Article Article, StorySignature Signature, IReadOnlyList<FilterMatch> Matches,
        IReadOnlyList<(FilterMatch Match, PersonalRoute Route)> Mentions);

    /// <summary>Each article with its story signature and the chats it matches (none while the backlog is only recorded).</summary>
    private List<Prepared> Prepare(IReadOnlyList<Article> articles, Source source, string? host, bool alerting, CancellationToken ct)
    {
        var prepared = new List<Prepared>(articles.Count);
        foreach (var article in articles)
        {
            ct.ThrowIfCancellationRequested();
            var signature = stories.Matcher.Compute(article.Title, article.Text.Length > 2000 ? article.Text[..2000] : article.Text);
            var (matches, mentions) = alerting ? filters.Match(new ArticleText(article.Title, article.Text, source.Name, host) { Language = article.Language }) : ([], []);
            prepared.Add(new Prepared(article, signature, MatchesPerChat(matches).ToList(), mentions));
        }
        return prepared;
    }

    /// <summary>The article's story: a recent one it nearly duplicates (stored, or new in this batch), else a new story.</summary>
    private async Task<StoryRef> AssignStoryAsync(AlertBatch batch, Article article, StorySignature signature, CancellationToken ct)
    {
        article.StorySignature = signature.ToBytes();
        batch.Grouped.Add((article, signature));
        if (await batch.SurvivorAsync(stories.Index.FindStories(signature, new DateTimeOffset(batch.Now, TimeSpan.Zero)), ct) is { } storyId)
        {
            article.StoryId = storyId;
            return new StoryRef(storyId, null);
        }
        var sibling = batch.NewStories.FirstOrDefault(s => stories.Matcher.SameStory(signature, s.Signature));
        var story = sibling.Story ?? new Story { FirstSeenAt = batch.Now };
        if (sibling.Story is null) batch.NewStories.Add((story, signature));
        article.Story = story;
        return new StoryRef(null, story);
    }

    /// <summary>
    /// A first fetch's backlog is never alerted, so a story it started could never collect "also"
    /// names (nobody has an alert for it) and an alerting article that would have joined it starts
    /// its own story instead, to the same effect: the backlog starts no story, stores no signature
    /// and stays out of the index (at a cold start of many feeds that is nearly every article). It
    /// still joins a story already known, so chats alerted about it learn this source reports it too.
    /// </summary>
    private async Task<StoryRef> JoinKnownStoryAsync(AlertBatch batch, Article article, StorySignature signature, CancellationToken ct)
    {
        if (await batch.SurvivorAsync(stories.Index.FindStories(signature, new DateTimeOffset(batch.Now, TimeSpan.Zero)), ct) is not { } storyId)
            return new StoryRef(null, null);
        article.StoryId = storyId;
        batch.Grouped.Add((article, signature));
        return new StoryRef(storyId, null);
    }

    /// <summary>
    /// Alerts the article's matches; those whose filter wants more outlets (<c>outlets:N</c>) go
    /// through <see cref="CoverageGate"/>. Held matches of a stored story the article joined are
    /// released once it has enough outlets (after this article's own matches, so a chat whose
    /// filter matches this article is alerted about it rather than the held one).
    /// </summary>
    private static async Task AlertOrHoldAsync(AlertBatch batch, CoverageGate coverage, IReadOnlyList<FilterMatch> matches, Article article, StoryRef story,
        CancellationToken ct)
    {
        foreach (var match in matches)
        {
            if (match.MinOutlets > 1) await coverage.AlertOrHoldAsync(match, article, story, ct);
            else await batch.AlertAsync(match, article, story, ct);
        }
        if (story.Id is { } joined) await coverage.ReleaseAsync(joined, ct);
    }

    /// <summary>
    /// A chat with several matching filters gets one alert naming all their terms, as soon as the
    /// least demanding of them allows (the smallest <c>outlets:N</c>, which is 1 without one).
    /// </summary>
    private static IEnumerable<FilterMatch> MatchesPerChat(IReadOnlyList<FilterMatch> matches) =>
        matches.GroupBy(m => m.ChatId).Select(g =>
        {
            var first = g.MinBy(m => (m.MinOutlets, m.FilterId));
            return new FilterMatch(first.FilterId, g.Key, g.SelectMany(m => m.MatchedTerms).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), first.MinOutlets);
        });
}
