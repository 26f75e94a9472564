using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Core.Stories;
using NewsBot.Pipeline.Match;
using NewsBot.Pipeline.Poll;
using NewsBot.Sources.Reading;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Parsing;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Deliver;

namespace NewsBot.Pipeline.Ingest;

/// <summary>
/// Stores a source's new items and, in the same transaction, what they mean for chats: one alert
/// per chat per story, or "also reported by" on the alert the chat already has for that story.
/// "New" means "inserted": items whose identity is already stored are skipped.
/// </summary>
public sealed class ArticleIngester(FilterIndexHolder filters, StoryIndexHolder stories, ArticleEnrichmentRule enrichment)
{
    /// <param name="ToEnrich">Matched articles whose alerts wait (up to the enrichment deadline) for page text or a model summary.</param>
    public sealed record Outcome(int NewArticles, int NewAlerts, int UpdatedAlerts, IReadOnlyList<(Article Article, StorySignature Signature)> Grouped,
        IReadOnlyList<Article> ToEnrich);

    /// <summary>Adds articles and alerts to <paramref name="db"/>; the caller saves, then calls <see cref="Publish"/>.</summary>
    public async Task<Outcome> AddNewItemsAsync(NewsBotDbContext db, Source source, IReadOnlyList<FeedItem> items, DateTime now, CancellationToken ct)
    {
        var hashes = ItemIdentity.HashAll(items);
        var known = (await db.Articles
                .Where(a => a.SourceId == source.Id && hashes.Contains(a.IdentityHash))
                .Select(a => a.IdentityHash)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        // The first fetch records the backlog as seen: subscribers want news, not a feed's archive.
        var alerting = source.FirstFetchDone || source.AlertOnFirstFetch;
        var host = SourceAddress.Host(source.Url);
        // Normalizing, story signatures and matching are CPU work over a stranger's text: on a thread
        // of their own, given up when the poll's budget (ct) is spent.
        var fresh = await CpuBudget.RunAsync(token => Prepare(items, hashes, known, source, host, alerting, now, token), ct);
        var batch = new Batch(db, source, now);
        foreach (var (article, signature, matches) in fresh)
        {
            db.Articles.Add(article);
            var story = AssignStory(batch, article, signature);
            if (story.Id is { } knownStory) await batch.AddAlsoSourceToStoryAsync(knownStory, ct);
            foreach (var match in matches) await batch.AlertAsync(match, article, story, ct);
        }
        await batch.DropNonReceivingChatsAsync(ct);
        source.FirstFetchDone = true;
        return new Outcome(batch.Grouped.Count, batch.NewAlerts.Count, batch.UpdatedAlerts, batch.Grouped, HoldForEnrichment(batch.NewAlerts, now));
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

    /// <summary>After the save: the new articles join the story index, so later articles find their story.</summary>
    public void Publish(Outcome outcome, DateTime now)
    {
        foreach (var (article, signature) in outcome.Grouped)
            stories.Index.Add(article.StoryId ?? article.Story!.Id, signature, new DateTimeOffset(now, TimeSpan.Zero));
    }

    private sealed record Prepared(Article Article, StorySignature Signature, IReadOnlyList<FilterMatch> Matches);

    /// <summary>The new items as articles, with their story signature and the chats they match (none while the backlog is only recorded).</summary>
    private List<Prepared> Prepare(IReadOnlyList<FeedItem> items, IReadOnlyList<string> hashes, HashSet<string> known, Source source, string? host,
        bool alerting, DateTime now, CancellationToken ct)
    {
        var fresh = new List<Prepared>();
        for (var i = 0; i < items.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (!known.Add(hashes[i])) continue; // stored earlier, or a repeat within this feed
            var article = ArticleNormalizer.ToArticle(items[i], hashes[i], source, now);
            var signature = stories.Matcher.Compute(article.Title, article.Text.Length > 2000 ? article.Text[..2000] : article.Text);
            var matches = alerting ? MatchesPerChat(filters.Index.Match(new ArticleText(article.Title, article.Text, source.Name, host))).ToList() : [];
            fresh.Add(new Prepared(article, signature, matches));
        }
        return fresh;
    }

    /// <summary>The article's story: a recent one it nearly duplicates (stored, or new in this batch), else a new story.</summary>
    private StoryRef AssignStory(Batch batch, Article article, StorySignature signature)
    {
        article.StorySignature = signature.ToBytes();
        batch.Grouped.Add((article, signature));
        if (stories.Index.FindStory(signature, new DateTimeOffset(batch.Now, TimeSpan.Zero)) is { } storyId)
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

    /// <summary>A chat with several matching filters gets one alert naming all their terms.</summary>
    private static IEnumerable<FilterMatch> MatchesPerChat(IReadOnlyList<FilterMatch> matches) =>
        matches.GroupBy(m => m.ChatId).Select(g => new FilterMatch(
            g.Min(m => m.FilterId),
            g.Key,
            g.SelectMany(m => m.MatchedTerms).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()));

    /// <summary>A story known by id (stored) or by entity (created in this batch, id assigned on save).</summary>
    private readonly record struct StoryRef(long? Id, Story? New);

    private sealed class Batch(NewsBotDbContext db, Source source, DateTime now)
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
}
