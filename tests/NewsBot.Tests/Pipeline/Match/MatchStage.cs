using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Pipeline.Enrich;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Scaling;
using NewsBot.Sources.Parsing;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>The match stage wired as the host wires it, and a poll recorded as PollRecorder records it, on a test database.</summary>
internal static class MatchStage
{
    /// <summary>An <see cref="ArticleMatcher"/> with its story merger and index sync (one instance), page reads off.</summary>
    public static ArticleMatcher Create(TestDatabase database, FilterIndexHolder filters, StoryIndexHolder stories, TimeProvider time, StoryEmbeddings? embeddings = null)
    {
        var merger = new StoryMerger(database.Factory, stories, time, NullLogger<StoryMerger>.Instance);
        var sync = new StoryIndexSync(database.Factory, stories, merger, Topology.From(new DatabaseOptions()), time, NullLogger<StoryIndexSync>.Instance);
        return new ArticleMatcher(filters, stories, merger, sync, new ArticleEnrichmentRule(Options.Create(new SummariesOptions { FetchPages = false })), database.Factory, embeddings);
    }

    /// <summary>As PollRecorder does: ingest, match, save and flag in one transaction, then publish the stories.</summary>
    public static async Task<MatchOutcome> PollAsync(this ArticleMatcher matcher, TestDatabase database, long sourceId, IReadOnlyList<FeedItem> items, DateTime now)
    {
        await using var db = database.Open();
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId);
        var added = await new ArticleIngester().AddNewItemsAsync(db, source, items, now, CancellationToken.None);
        var outcome = await matcher.MatchAsync(db, source, added.Current, added.Alerting, now, CancellationToken.None);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            await matcher.RecordAsync(db, outcome, CancellationToken.None);
            await tx.CommitAsync();
        }
        await matcher.PublishAsync(outcome, now, CancellationToken.None);
        return outcome;
    }
}
