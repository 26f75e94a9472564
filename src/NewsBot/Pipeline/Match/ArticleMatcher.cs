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
public sealed class ArticleMatcher(FilterIndexHolder filters, StoryIndexHolder stories, ArticleEnrichmentRule enrichment, StoryEmbeddings? embeddings = null)
{
    /// <summary>Adds stories and alerts to <paramref name="db"/>; the caller saves, then calls <see cref="Publish"/>.</summary>
    public async Task<MatchOutcome> MatchAsync(NewsBotDbContext db, Source source, IReadOnlyList<Article> articles, bool alerting, DateTime now, CancellationToken ct)
    {
        var host = SourceAddress.Host(source.Url);
        // Story signatures and matching are CPU work over a stranger's text: on a thread of their own,
        // given up when the poll's budget (ct) is spent.
        var prepared = await CpuBudget.RunAsync(token => Prepare(articles, source, host, alerting, token), ct);
        // The optional model embeds only what may alert (one request; on any failure none, and grouping stays lexical).
        if (alerting && embeddings is not null) await embeddings.EmbedAsync(articles, ct);
        var batch = new AlertBatch(db, source, now);
        var coverage = new CoverageGate(batch, db, source, stories.Window);
        foreach (var (article, lexical, matches) in prepared)
        {
            var signature = StoryEmbeddingBytes.Attach(lexical, article.StoryEmbedding);
            var story = alerting ? AssignStory(batch, article, signature) : JoinKnownStory(batch, article, signature);
            if (story.Id is { } knownStory) await batch.AddAlsoSourceToStoryAsync(knownStory, ct);
            await AlertOrHoldAsync(batch, coverage, matches, article, story, ct);
        }
        await batch.DropNonReceivingChatsAsync(ct);
        return new MatchOutcome(articles.Count, batch.NewAlerts.Count, batch.UpdatedAlerts, batch.Grouped, HoldForEnrichment(batch.NewAlerts, now));
    }

    /// <summary>
    /// After the save: the new articles that may alert join the story index, so later articles find
    /// their story. The index holds exactly the articles whose signature is stored, so a restart
    /// rebuilds the same index.
    /// </summary>
    public void Publish(MatchOutcome outcome, DateTime now)
    {
        foreach (var (article, signature) in outcome.Grouped)
            if (article.StorySignature is not null)
                stories.Index.Add(article.StoryId ?? article.Story!.Id, signature, new DateTimeOffset(now, TimeSpan.Zero));
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

    private sealed record Prepared(Article Article, StorySignature Signature, IReadOnlyList<FilterMatch> Matches);

    /// <summary>Each article with its story signature and the chats it matches (none while the backlog is only recorded).</summary>
    private List<Prepared> Prepare(IReadOnlyList<Article> articles, Source source, string? host, bool alerting, CancellationToken ct)
    {
        var prepared = new List<Prepared>(articles.Count);
        foreach (var article in articles)
        {
            ct.ThrowIfCancellationRequested();
            var signature = stories.Matcher.Compute(article.Title, article.Text.Length > 2000 ? article.Text[..2000] : article.Text);
            var matches = alerting ? MatchesPerChat(filters.Index.Match(new ArticleText(article.Title, article.Text, source.Name, host))).ToList() : [];
            prepared.Add(new Prepared(article, signature, matches));
        }
        return prepared;
    }

    /// <summary>The article's story: a recent one it nearly duplicates (stored, or new in this batch), else a new story.</summary>
    private StoryRef AssignStory(AlertBatch batch, Article article, StorySignature signature)
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

    /// <summary>
    /// A first fetch's backlog is never alerted, so a story it started could never collect "also"
    /// names (nobody has an alert for it) and an alerting article that would have joined it starts
    /// its own story instead, to the same effect: the backlog starts no story, stores no signature
    /// and stays out of the index (at a cold start of many feeds that is nearly every article). It
    /// still joins a story already known, so chats alerted about it learn this source reports it too.
    /// </summary>
    private StoryRef JoinKnownStory(AlertBatch batch, Article article, StorySignature signature)
    {
        if (stories.Index.FindStory(signature, new DateTimeOffset(batch.Now, TimeSpan.Zero)) is not { } storyId) return new StoryRef(null, null);
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
