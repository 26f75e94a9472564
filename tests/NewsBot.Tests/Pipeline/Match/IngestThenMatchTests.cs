using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Pipeline.Deliver;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Sources.Parsing;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// The two stages a poll runs in one transaction: Ingest stores new items once, Match turns them into
/// alert rows (one per chat per story, "also reported by" for a story a chat already has).
/// </summary>
public sealed class IngestThenMatchTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private TestDatabase _database = null!;
    private ArticleMatcher _matcher = null!;
    private StoryIndexHolder _stories = null!;
    private readonly ArticleIngester _ingester = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        db.Chats.Add(new Chat { Platform = "console", ExternalId = "reader", CreatedAt = Now, Filters = [Filter("ceasefire"), Filter("talks")] });
        db.Chats.Add(new Chat { Platform = "console", ExternalId = "paused", Paused = true, CreatedAt = Now, Filters = [Filter("ceasefire")] });
        await db.SaveChangesAsync();
        var filters = new FilterIndexHolder(Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        await filters.LoadAsync(db, CancellationToken.None);
        _stories = new StoryIndexHolder(_time, Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);
        await _stories.LoadAsync(db, CancellationToken.None);
        _matcher = MatchStage.Create(_database, filters, _stories, _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private ChatFilter Filter(string text) => new() { Text = text, CreatedAt = Now };

    [Fact]
    public async Task New_items_are_stored_once_and_each_receiving_chat_gets_one_alert_naming_every_matched_term()
    {
        var wire = await AddSourceAsync("Wire A", firstFetchDone: true);
        FeedItem[] items = [Item("1", "Ceasefire talks resume in Cairo"), Item("1", "Ceasefire talks resume in Cairo"), Item("2", "Football results")];

        var first = await PollAsync(wire, items);
        var again = await PollAsync(wire, items);

        Assert.Equal((2, 1), (first.NewArticles, first.NewAlerts));
        Assert.Equal((0, 0), (again.NewArticles, again.NewAlerts));
        await using var db = _database.Open();
        var alert = await db.Alerts.Include(a => a.Chat).SingleAsync();
        Assert.Equal("reader", alert.Chat!.ExternalId); // the paused chat gets none
        Assert.Equal(["ceasefire", "talks"], alert.MatchedTerms.Split(Alert.TermSeparator).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_same_story_from_another_source_names_that_source_on_the_existing_alert()
    {
        var wireA = await AddSourceAsync("Wire A", firstFetchDone: true);
        var wireB = await AddSourceAsync("Wire B", firstFetchDone: true);
        await PollAsync(wireA, [Item("a1", "Ceasefire talks resume in Cairo as mediators press both sides")]);

        var second = await PollAsync(wireB, [Item("b1", "Ceasefire talks resume in Cairo as mediators press both sides")]);

        Assert.Equal((1, 0, 1), (second.NewArticles, second.NewAlerts, second.UpdatedAlerts));
        Assert.Equal("Wire B", await AlsoAsync());
    }

    [Fact]
    public async Task A_first_fetch_records_the_backlog_as_seen_without_alerts()
    {
        var wire = await AddSourceAsync("Wire A", firstFetchDone: false);

        var outcome = await PollAsync(wire, [Item("1", "Ceasefire talks resume in Cairo")]);

        Assert.Equal((1, 0), (outcome.NewArticles, outcome.NewAlerts));
        await using var db = _database.Open();
        Assert.True((await db.Sources.SingleAsync()).FirstFetchDone);
        Assert.Empty(await db.Alerts.ToListAsync());
    }

    [Fact]
    public async Task A_first_fetch_backlog_starts_no_story_stores_no_signature_and_stays_out_of_the_story_index()
    {
        var wire = await AddSourceAsync("Wire A", firstFetchDone: false);

        await PollAsync(wire, [Item("1", "Ceasefire talks resume in Cairo"), Item("2", "Football results from the weekend")]);

        Assert.Equal(0, _stories.Index.Count);
        await using var db = _database.Open();
        Assert.All(await db.Articles.ToListAsync(), a => Assert.Equal((null, null), (a.StoryId, a.StorySignature)));
        Assert.Empty(await db.Stories.ToListAsync());
    }

    [Fact]
    public async Task A_first_fetch_item_of_a_story_already_alerted_names_its_source_on_the_alert()
    {
        var wireA = await AddSourceAsync("Wire A", firstFetchDone: true);
        await PollAsync(wireA, [Item("a1", "Ceasefire talks resume in Cairo as mediators press both sides")]);
        var wireB = await AddSourceAsync("Wire B", firstFetchDone: false);

        var backlog = await PollAsync(wireB, [Item("b1", "Ceasefire talks resume in Cairo as mediators press both sides")]);

        Assert.Equal((1, 0, 1), (backlog.NewArticles, backlog.NewAlerts, backlog.UpdatedAlerts));
        Assert.Equal("Wire B", await AlsoAsync());
        Assert.Equal(1, _stories.Index.Count); // the alerted article only
    }

    [Fact]
    public async Task A_story_first_seen_in_a_backlog_is_alerted_when_another_source_reports_it()
    {
        var wireA = await AddSourceAsync("Wire A", firstFetchDone: false);
        await PollAsync(wireA, [Item("a1", "Ceasefire talks resume in Cairo as mediators press both sides")]);
        var wireB = await AddSourceAsync("Wire B", firstFetchDone: true);
        var wireC = await AddSourceAsync("Wire C", firstFetchDone: true);

        var first = await PollAsync(wireB, [Item("b1", "Ceasefire talks resume in Cairo as mediators press both sides")]);
        var second = await PollAsync(wireC, [Item("c1", "Ceasefire talks resume in Cairo as mediators press both sides")]);

        Assert.Equal((1, 0), (first.NewAlerts, first.UpdatedAlerts));
        Assert.Equal((0, 1), (second.NewAlerts, second.UpdatedAlerts));
        Assert.Equal("Wire C", await AlsoAsync());
    }

    /// <summary>The "also reported by" names of the only alert, as a sender renders them.</summary>
    private async Task<string> AlsoAsync()
    {
        await using var db = _database.Open();
        var alert = await db.Alerts.Include(a => a.Article).SingleAsync();
        return string.Join(", ", await AlsoReportedBy.LoadAsync(db, alert.StoryId, alert.Article!.SourceId, CancellationToken.None));
    }

    [Fact]
    public async Task Items_published_longer_ago_than_the_maximum_age_are_stored_as_seen_not_alerted()
    {
        var wire = await AddSourceAsync("Wire A", firstFetchDone: true);
        FeedItem[] items =
        [
            Item("old", "Ceasefire archive: the 2019 truce") with { Published = _time.GetUtcNow().AddDays(-8) },
            Item("week", "Ceasefire talks resume in Cairo") with { Published = _time.GetUtcNow().AddDays(-6) },
            Item("undated", "Ceasefire holds overnight") with { Published = null },
        ];

        var outcome = await PollAsync(wire, items);

        Assert.Equal(3, await CountArticlesAsync()); // all three are known now: a later poll does not see them as new
        Assert.Equal(2, outcome.NewAlerts);
        await using var db = _database.Open();
        Assert.DoesNotContain(await db.Alerts.Select(a => a.Article!.Title).ToListAsync(), t => t.Contains("2019", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_source_set_to_alert_on_its_first_fetch_gets_its_backlog_however_old()
    {
        long demo;
        await using (var db = _database.Open())
        {
            var source = new Source { Name = "Demo", Url = "samples/feeds/demo.xml", AlertOnFirstFetch = true };
            db.Sources.Add(source);
            await db.SaveChangesAsync();
            demo = source.Id;
        }

        var outcome = await PollAsync(demo, [Item("d1", "Ceasefire agreed in the demo feed") with { Published = _time.GetUtcNow().AddYears(-2) }]);

        Assert.Equal(1, outcome.NewAlerts);
    }

    private async Task<int> CountArticlesAsync()
    {
        await using var db = _database.Open();
        return await db.Articles.CountAsync();
    }

    private Task<MatchOutcome> PollAsync(long sourceId, IReadOnlyList<FeedItem> items) => _matcher.PollAsync(_database, sourceId, items, Now);

    private async Task<long> AddSourceAsync(string name, bool firstFetchDone)
    {
        await using var db = _database.Open();
        var source = new Source { Name = name, Url = $"https://{name.Replace(' ', '-').ToLowerInvariant()}.example/feed", FirstFetchDone = firstFetchDone };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }

    private FeedItem Item(string id, string title) =>
        new(id, title, $"https://news.example/{id}", $"<p>{title}.</p>", null, _time.GetUtcNow(), null);
}
