using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Pipeline.Matching;
using NewsBot.Pipeline.Polling;
using NewsBot.Sources.Parsing;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Articles;

/// <summary>
/// Stores a source's new items and, in the same transaction, one alert per matching chat.
/// "New" means "inserted": items whose identity is already stored are skipped.
/// </summary>
public sealed class ArticleIngester(FilterIndexHolder filters)
{
    public sealed record Outcome(int NewArticles, int NewAlerts);

    /// <summary>Adds articles and alerts to <paramref name="db"/>; the caller saves, together with the source's health.</summary>
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
        var host = SourceLocation.Host(source.Url);
        var newArticles = 0;
        var alerts = new List<Alert>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!known.Add(hashes[i])) continue; // stored earlier, or a repeat within this feed
            var article = ArticleNormalizer.ToArticle(items[i], hashes[i], source, now);
            db.Articles.Add(article);
            newArticles++;
            if (!alerting) continue;
            foreach (var match in MatchesPerChat(filters.Index.Match(new ArticleText(article.Title, article.Text, source.Name, host))))
            {
                alerts.Add(new Alert
                {
                    ChatId = match.ChatId,
                    Article = article,
                    FilterId = match.FilterId,
                    MatchedTerms = string.Join(Alert.TermSeparator, match.MatchedTerms),
                    Status = AlertStatus.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }

        if (alerts.Count > 0)
        {
            // Paused and deactivated chats get no alerts; checked here so the index stays a pure function of filters.
            var chatIds = alerts.Select(a => a.ChatId).Distinct().ToList();
            var receiving = (await db.Chats
                    .Where(c => chatIds.Contains(c.Id) && !c.Paused && c.DeactivatedReason == null)
                    .Select(c => c.Id)
                    .ToListAsync(ct))
                .ToHashSet();
            alerts.RemoveAll(a => !receiving.Contains(a.ChatId));
            db.Alerts.AddRange(alerts);
        }
        source.FirstFetchDone = true;
        return new Outcome(newArticles, alerts.Count);
    }

    /// <summary>A chat with several matching filters gets one alert naming all their terms.</summary>
    private static IEnumerable<FilterMatch> MatchesPerChat(IReadOnlyList<FilterMatch> matches) =>
        matches.GroupBy(m => m.ChatId).Select(g => new FilterMatch(
            g.Min(m => m.FilterId),
            g.Key,
            g.SelectMany(m => m.MatchedTerms).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()));
}
