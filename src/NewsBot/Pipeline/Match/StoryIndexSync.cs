using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Stories;
using NewsBot.Scaling;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// Each instance groups articles with its own in-memory story index, fed by its own polls. With
/// several instances on PostgreSQL this adds, every <see cref="Interval"/>, the articles the others
/// stored since (a bounded batch each round); one that joins a local story of another id means two
/// instances started the same event at once, and the two merge into the older (<see cref="StoryMerger"/>),
/// the same survivor whichever instance merges first. The window of doubt is one interval plus the
/// time a poll takes from matching to its commit: within it each instance may start its own story.
/// </summary>
public sealed partial class StoryIndexSync(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    StoryIndexHolder stories,
    StoryMerger merger,
    Topology topology,
    TimeProvider time,
    ILogger<StoryIndexSync> log,
    InstanceSignals? signals = null) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the alerts of a new story wait after their poll's commit with several instances, so a story
    /// another instance started in the same moment is read and merged before either is sent. The poll tells
    /// the others at its commit (<see cref="InstanceSignal.Stories"/>) and they read it within milliseconds, so
    /// this covers the other instance's own poll from its match to its commit (tens of milliseconds, up to the
    /// poll budget under load). Was three 1 s rounds, which made the alert p90 3.7 s. Zero with one instance,
    /// where a poll merges at its publish, before any send.
    /// </summary>
    public TimeSpan Settle => topology.SeveralInstances ? SettleWithSeveral : TimeSpan.Zero;

    public static readonly TimeSpan SettleWithSeveral = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Rows are read by fetch time, not by id: ids are handed out before commit, so a poll that
    /// commits late can hold lower ids than one already read. Longer than a poll's store budget plus
    /// clock skew between instances, so a poll's articles are still in reach when it commits.
    /// </summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromSeconds(60);

    private const int BatchSize = 1000;

    /// <summary>Articles already in the index (this instance's own, or read earlier), by fetch time.</summary>
    private readonly ConcurrentDictionary<long, DateTime> _indexed = new();

    /// <summary>An article this instance indexes itself; called before its poll commits, so a round never reads it as another's.</summary>
    public void MarkLocal(long articleId, DateTime fetchedAt) => _indexed[articleId] = fetchedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!topology.SeveralInstances) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (signals is null) await Task.Delay(Interval, time, stoppingToken);
                else await signals.WaitAsync(InstanceSignal.Stories, Interval, stoppingToken);
                try
                {
                    await SyncAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stopping
        }
    }

    /// <summary>Indexes up to <see cref="BatchSize"/> articles other instances stored and merges the stories they bridge; returns how many.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - LookBack;
        foreach (var (id, fetchedAt) in _indexed)
            if (fetchedAt < since) _indexed.TryRemove(id, out _);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recent = await db.Articles.AsNoTracking().Where(a => a.FetchedAt >= since && a.StoryId != null && a.StorySignature != null)
            .Select(a => a.Id).ToListAsync(ct);
        var fresh = recent.Where(id => !_indexed.ContainsKey(id)).Order().Take(BatchSize).ToList();
        if (fresh.Count == 0) return 0;
        var rows = await db.Articles.AsNoTracking().Where(a => fresh.Contains(a.Id)).OrderBy(a => a.Id)
            .Select(a => new { a.Id, StoryId = a.Story!.MergedIntoId ?? a.StoryId!.Value, a.StorySignature, a.StoryEmbedding, a.FetchedAt }).ToListAsync(ct);
        var merges = new List<(long, long)>();
        foreach (var row in rows)
        {
            var signature = StoryEmbeddingBytes.Attach(StorySignature.FromBytes(row.StorySignature), row.StoryEmbedding);
            var at = new DateTimeOffset(row.FetchedAt, TimeSpan.Zero);
            foreach (var local in stories.Index.FindStories(signature, at))
                if (local != row.StoryId) merges.Add((row.StoryId, local));
            stories.Index.Add(row.StoryId, signature, at);
            _indexed[row.Id] = row.FetchedAt;
        }
        await merger.MergeAsync(merges, ct);
        LogSynced(rows.Count, merges.Count);
        return rows.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Story index sync: {Articles} articles of other instances indexed, {Merges} story pairs merged")]
    private partial void LogSynced(int articles, int merges);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Story index sync failed: {Cause}; trying again next round")]
    private partial void LogFailed(string cause);
}
