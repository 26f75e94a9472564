using Microsoft.EntityFrameworkCore;
using NewsBot.Sources.Parsing;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Ingest;

/// <summary>
/// Stores a source's new items as articles. "New" means "inserted": items whose identity is already
/// stored, or repeated within the feed, are skipped. What the articles mean for chats is the next
/// stage's (Match/ArticleMatcher), in the same transaction: the caller saves once.
/// </summary>
/// <param name="maxArticleAge">
/// NewsBot:Sources:MaxArticleAge: an item published longer ago than this is stored as seen, never
/// alerted, so a feed that re-publishes its archive (or a new source's old items) does not flood chats.
/// </param>
/// <param name="languages">Guesses the language of articles that declare none (while <c>lang:</c> filters exist); null: never guessed.</param>
public sealed class ArticleIngester(TimeSpan maxArticleAge, ArticleLanguageDetector? languages = null)
{
    /// <summary>The default of NewsBot:Sources:MaxArticleAge.</summary>
    public static readonly TimeSpan DefaultMaxArticleAge = TimeSpan.FromDays(7);

    public ArticleIngester()
        : this(DefaultMaxArticleAge)
    {
    }

    /// <param name="Articles">Every article stored.</param>
    /// <param name="Alerting">False on a source's first fetch (unless it alerts on it): the backlog is recorded as seen, not alerted.</param>
    /// <param name="Current">The stored articles published within the maximum age (or undated): the ones the match stage sees.</param>
    public sealed record NewArticles(IReadOnlyList<Article> Articles, bool Alerting, IReadOnlyList<Article> Current);

    /// <summary>Adds the new articles to <paramref name="db"/>; the caller matches them, then saves.</summary>
    public Task<NewArticles> AddNewItemsAsync(NewsBotDbContext db, Source source, IReadOnlyList<FeedItem> items, DateTime now, CancellationToken ct) =>
        AddNewItemsAsync(db, source, new ParsedFeed(FeedFormat.Rss, null, null, items, []), now, ct);

    /// <summary>
    /// Adds the feed's new items to <paramref name="db"/> as articles, each with its language: the
    /// item's declared one, else the feed's, else (while filters use <c>lang:</c>) detected. The
    /// caller matches them, then saves.
    /// </summary>
    public async Task<NewArticles> AddNewItemsAsync(NewsBotDbContext db, Source source, ParsedFeed feed, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var items = feed.Items;
        var hashes = ItemIdentity.HashAll(items);
        var known = (await db.Articles
                .Where(a => a.SourceId == source.Id && hashes.Contains(a.IdentityHash))
                .Select(a => a.IdentityHash)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        // The first fetch records the backlog as seen: subscribers want news, not a feed's archive.
        var alerting = source.FirstFetchDone || source.AlertOnFirstFetch;
        // Normalizing is CPU work over a stranger's text: on a thread of its own, given up when the
        // poll's budget (ct) is spent.
        var detector = languages is null || feed.Language is not null ? null : await languages.CurrentAsync(ct);
        var fresh = await CpuBudget.RunAsync(token => Normalize(items, hashes, known, (source, feed.Language, detector), now, token), ct);
        db.Articles.AddRange(fresh);
        // A source set to alert on its first fetch (the demo) asked for its backlog, however old.
        var backlogWanted = !source.FirstFetchDone && source.AlertOnFirstFetch;
        source.FirstFetchDone = true;
        var oldest = now - maxArticleAge;
        return new NewArticles(fresh, alerting,
            backlogWanted ? fresh : fresh.Where(a => a.PublishedAt is not { } published || published >= oldest).ToList());
    }

    private static List<Article> Normalize(IReadOnlyList<FeedItem> items, IReadOnlyList<string> hashes, HashSet<string> known,
        (Source Source, string? Language, ReadyDetector? Detector) feed, DateTime now, CancellationToken ct)
    {
        var fresh = new List<Article>();
        for (var i = 0; i < items.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (!known.Add(hashes[i])) continue; // stored earlier, or a repeat within this feed
            var article = ArticleNormalizer.ToArticle(items[i], hashes[i], feed.Source, now);
            // Declared beats detected: a feed that says "ar" is believed, and its articles cost no guessing.
            article.Language = items[i].Language ?? feed.Language ?? feed.Detector?.Detect(article.Title, article.Text);
            fresh.Add(article);
        }
        return fresh;
    }
}
