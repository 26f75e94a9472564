using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Sources.Parsing;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// Polls that overlap: each matches before the others save (as many feeds read at once do). Names
/// are never lost, and stories two polls started for one event merge into the older one.
/// </summary>
public sealed class ConcurrentPollsTests : IAsyncLifetime
{
    private const string Headline = "Ceasefire talks resume in Cairo as mediators press both sides";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ArticleIngester _ingester = new();
    private TestDatabase _database = null!;
    private ArticleMatcher _matcher = null!;
    private StoryIndexHolder _stories = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        db.Chats.Add(new Chat { Platform = "console", ExternalId = "reader", CreatedAt = Now, Filters = [new ChatFilter { Text = "ceasefire", CreatedAt = Now }] });
        await db.SaveChangesAsync();
        var filters = new FilterIndexHolder(Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        await filters.LoadAsync(db, CancellationToken.None);
        _stories = new StoryIndexHolder(_time, Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);
        await _stories.LoadAsync(db, CancellationToken.None);
        _matcher = MatchStage.Create(_database, filters, _stories, _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Sources_that_join_a_story_in_overlapping_polls_are_all_named_on_its_alert()
    {
        var wires = new List<long>();
        for (var i = 0; i < 5; i++) wires.Add(await AddSourceAsync($"Wire {i}"));
        await CompleteAsync(await MatchAsync(wires[0], "w0"));

        // Wires 1-4 read at once: every poll matches before any saves.
        var polls = new List<Poll>();
        for (var i = 1; i < 5; i++) polls.Add(await MatchAsync(wires[i], $"w{i}"));
        foreach (var poll in polls) await CompleteAsync(poll);

        await using var db = _database.Open();
        var alert = await db.Alerts.Include(a => a.Article).SingleAsync();
        Assert.Equal(["Wire 1", "Wire 2", "Wire 3", "Wire 4"], (await AlsoReportedBy.LoadAsync(db, alert.StoryId, alert.Article!.SourceId, CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_polls_that_start_one_event_at_once_merge_into_the_older_story_with_one_alert()
    {
        var wireA = await AddSourceAsync("Wire A");
        var wireB = await AddSourceAsync("Wire B");
        var a = await MatchAsync(wireA, "a1");
        var b = await MatchAsync(wireB, "b1");

        await CompleteAsync(a);
        await CompleteAsync(b);

        await using var db = _database.Open();
        var stories = await db.Stories.OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(2, stories.Count);
        Assert.Equal((null, (long?)stories[0].Id), (stories[0].MergedIntoId, stories[1].MergedIntoId));
        Assert.All(await db.Articles.ToListAsync(), article => Assert.Equal(stories[0].Id, article.StoryId));
        var alert = await db.Alerts.Include(x => x.Article).SingleAsync();
        Assert.Equal("Wire A", (await db.Sources.SingleAsync(s => s.Id == alert.Article!.SourceId)).Name);
        Assert.Equal(["Wire B"], await AlsoReportedBy.LoadAsync(db, alert.StoryId, alert.Article!.SourceId, CancellationToken.None));
    }

    [Fact]
    public async Task Merged_stories_whose_alerts_were_both_sent_edit_both_and_a_later_report_alerts_no_one()
    {
        var wireA = await AddSourceAsync("Wire A");
        var wireB = await AddSourceAsync("Wire B");
        var wireC = await AddSourceAsync("Wire C");
        var a = await MatchAsync(wireA, "a1");
        var b = await MatchAsync(wireB, "b1");
        await CompleteAsync(a);
        await MarkSentAsync();
        await SaveAsync(b);
        await MarkSentAsync(); // both went out within the window, before the merge
        await _matcher.PublishAsync(b.Outcome, Now, CancellationToken.None);

        var c = await MatchAsync(wireC, "c1");
        await CompleteAsync(c);

        Assert.Equal(0, c.Outcome.NewAlerts);
        await using var db = _database.Open();
        var alerts = await db.Alerts.Include(x => x.Article).ThenInclude(x => x!.Source).OrderBy(x => x.Id).ToListAsync();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, x => Assert.True(x.UpdatePending));
        var names = new List<string>();
        foreach (var x in alerts) names.Add(x.Article!.Source!.Name + ": " + string.Join(", ", await AlsoReportedBy.LoadAsync(db, x.StoryId, x.Article.SourceId, CancellationToken.None)));
        Assert.Equal(["Wire A: Wire B, Wire C", "Wire B: Wire A, Wire C"], names);
    }

    [Fact]
    public async Task A_report_of_a_story_another_instance_merged_counts_as_the_survivors_and_alerts_no_one_again()
    {
        var wireA = await AddSourceAsync("Wire A");
        var wireB = await AddSourceAsync("Wire B");
        var wireC = await AddSourceAsync("Wire C");
        await CompleteAsync(await MatchAsync(wireA, "a1"));
        await CompleteAsync(await MatchAsync(wireB, "b1", "Ceasefire in Gaza extended by two days as hostages go free"));
        long older, newer;
        await using (var db = _database.Open())
        {
            (older, newer) = (await db.Stories.MinAsync(s => s.Id), await db.Stories.MaxAsync(s => s.Id));
            // What another instance's StoryMerger stores; this instance's index still holds two stories.
            await db.Stories.Where(s => s.Id == newer).ExecuteUpdateAsync(u => u.SetProperty(s => s.MergedIntoId, older));
        }

        var c = await MatchAsync(wireC, "c1", "Ceasefire in Gaza extended by two days as hostages go free");
        await CompleteAsync(c);

        Assert.Equal(0, c.Outcome.NewAlerts);
        Assert.Equal(older, _stories.Index.FindStories(SignatureOf("Ceasefire in Gaza extended by two days as hostages go free"), _time.GetUtcNow()).Single());
        await using var check = _database.Open();
        Assert.Equal(older, (await check.Articles.SingleAsync(a => a.SourceId == wireC)).StoryId);
        var alerts = await check.Alerts.Include(x => x.Article).OrderBy(x => x.Id).ToListAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(["Wire B", "Wire C"], await AlsoReportedBy.LoadAsync(check, alerts[0].StoryId, alerts[0].Article!.SourceId, CancellationToken.None));
    }

    private Core.Stories.StorySignature SignatureOf(string headline) => _stories.Matcher.Compute(headline, headline + ".");

    private sealed record Poll(NewsBotDbContext Db, MatchOutcome Outcome);

    /// <summary>Ingest and match on a context of its own, not saved yet.</summary>
    private async Task<Poll> MatchAsync(long sourceId, string itemId, string headline = Headline)
    {
        var db = _database.Open();
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId);
        FeedItem[] items = [new(itemId, headline, $"https://news.example/{itemId}", $"<p>{headline}.</p>", null, _time.GetUtcNow(), null)];
        var added = await _ingester.AddNewItemsAsync(db, source, items, Now, CancellationToken.None);
        return new Poll(db, await _matcher.MatchAsync(db, source, added.Articles, added.Alerting, Now, CancellationToken.None));
    }

    /// <summary>As PollRecorder does after matching: save and flag in one transaction, then publish.</summary>
    private async Task CompleteAsync(Poll poll)
    {
        await SaveAsync(poll);
        await _matcher.PublishAsync(poll.Outcome, Now, CancellationToken.None);
    }

    private async Task SaveAsync(Poll poll)
    {
        await using var db = poll.Db;
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await _matcher.RecordAsync(db, poll.Outcome, CancellationToken.None);
        await tx.CommitAsync();
    }

    private async Task MarkSentAsync()
    {
        await using var db = _database.Open();
        await db.Alerts.Where(a => a.Status == AlertStatus.Pending).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AlertStatus.Sent).SetProperty(a => a.PlatformMessageId, "m"));
    }

    private async Task<long> AddSourceAsync(string name)
    {
        await using var db = _database.Open();
        var source = new Source { Name = name, Url = $"https://{name.Replace(' ', '-').ToLowerInvariant()}.example/feed", FirstFetchDone = true };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }
}
