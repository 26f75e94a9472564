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
/// <c>outlets:N</c>: a chat is alerted about a story only when its N-th distinct outlet reports it,
/// and the alert names the others. Polls run as PollRecorder runs them (ingest, match, save, publish).
/// </summary>
public sealed class CoverageHoldTests : IAsyncLifetime
{
    private const string Headline = "Ceasefire talks resume in Cairo as mediators press both sides";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ArticleIngester _ingester = new();
    private TestDatabase _database = null!;
    private ArticleMatcher _matcher = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        db.Chats.Add(new Chat { Platform = "console", ExternalId = "big-only", CreatedAt = Now, Filters = [Filter("ceasefire outlets:3")] });
        db.Chats.Add(new Chat { Platform = "console", ExternalId = "everything", CreatedAt = Now, Filters = [Filter("ceasefire")] });
        await db.SaveChangesAsync();
        await StartAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private ChatFilter Filter(string text) => new() { Text = text, CreatedAt = Now };

    /// <summary>Loads the filter and story indexes from the database, as the host does at start.</summary>
    private async Task StartAsync()
    {
        await using var db = _database.Open();
        var filters = new FilterIndexHolder(Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        await filters.LoadAsync(db, CancellationToken.None);
        var stories = new StoryIndexHolder(_time, Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);
        await stories.LoadAsync(db, CancellationToken.None);
        _matcher = MatchStage.Create(_database, filters, stories, _time);
    }

    [Fact]
    public async Task A_coverage_filter_is_alerted_only_at_the_third_outlet_and_the_alert_names_the_other_two()
    {
        var wireA = await AddSourceAsync("Wire A", "https://wire-a.example/feed");
        var wireB = await AddSourceAsync("Wire B", "https://wire-b.example/feed");
        var wireC = await AddSourceAsync("Wire C", "https://wire-c.example/feed");

        await PollAsync(wireA, "a1");
        Assert.Null(await AlertOfAsync("big-only"));
        await PollAsync(wireB, "b1");
        Assert.Null(await AlertOfAsync("big-only"));
        var third = await PollAsync(wireC, "c1");

        var alert = await AlertOfAsync("big-only");
        Assert.NotNull(alert);
        Assert.Equal(1, third.NewAlerts);
        Assert.Equal("Wire C", alert.Article!.Source!.Name);
        Assert.Equal(["Wire A", "Wire B"], await AlsoAsync(alert!));
        Assert.Equal("ceasefire", alert.MatchedTerms);
        await using var db = _database.Open();
        Assert.Empty(await db.CoverageHolds.ToListAsync());
    }

    [Fact]
    public async Task A_chat_without_coverage_term_is_alerted_at_the_first_outlet_as_before()
    {
        var wireA = await AddSourceAsync("Wire A", "https://wire-a.example/feed");
        var wireB = await AddSourceAsync("Wire B", "https://wire-b.example/feed");

        var first = await PollAsync(wireA, "a1");
        await PollAsync(wireB, "b1");

        Assert.Equal(1, first.NewAlerts);
        var alert = await AlertOfAsync("everything");
        Assert.Equal("Wire A", alert!.Article!.Source!.Name);
        Assert.Equal("Wire B", string.Join(", ", await AlsoAsync(alert)));
    }

    [Fact]
    public async Task Two_feeds_of_one_site_count_as_one_outlet()
    {
        var world = await AddSourceAsync("Site A World", "https://feeds.site-a.example/world.rss");
        var top = await AddSourceAsync("Site A Top", "https://www.site-a.example/top.rss");
        var wireB = await AddSourceAsync("Wire B", "https://wire-b.example/feed");
        var wireC = await AddSourceAsync("Wire C", "https://wire-c.example/feed");

        await PollAsync(world, "w1");
        await PollAsync(top, "t1");
        await PollAsync(wireB, "b1");
        Assert.Null(await AlertOfAsync("big-only"));
        await PollAsync(wireC, "c1");

        // Alerted at the third site, not the third feed; the message names every other feed that reported it.
        var alert = await AlertOfAsync("big-only");
        Assert.Equal(["Site A World", "Site A Top", "Wire B"], await AlsoAsync(alert!));
    }

    [Fact]
    public async Task A_restart_between_the_second_and_third_outlet_still_alerts_at_the_third()
    {
        var wireA = await AddSourceAsync("Wire A", "https://wire-a.example/feed");
        var wireB = await AddSourceAsync("Wire B", "https://wire-b.example/feed");
        var wireC = await AddSourceAsync("Wire C", "https://wire-c.example/feed");
        await PollAsync(wireA, "a1");
        await PollAsync(wireB, "b1");

        await StartAsync();
        _time.Advance(TimeSpan.FromMinutes(20));
        await PollAsync(wireC, "c1");

        var alert = await AlertOfAsync("big-only");
        Assert.Equal(["Wire A", "Wire B"], await AlsoAsync(alert!));
    }

    [Fact]
    public async Task A_held_match_is_released_by_a_later_outlet_whose_article_the_filter_does_not_match()
    {
        await using (var db = _database.Open())
        {
            var chat = await db.Chats.Include(c => c.Filters).SingleAsync(c => c.ExternalId == "big-only");
            chat.Filters.Single().Text = "cairo -mediators outlets:2";
            await db.SaveChangesAsync();
        }
        await StartAsync();
        var wireA = await AddSourceAsync("Wire A", "https://wire-a.example/feed");
        var wireB = await AddSourceAsync("Wire B", "https://wire-b.example/feed");

        await PollAsync(wireA, "a1", "Ceasefire talks resume in Cairo as envoys press both sides");
        await PollAsync(wireB, "b1");

        var alert = await AlertOfAsync("big-only");
        Assert.Equal("Wire A", alert!.Article!.Source!.Name); // the article that matched, named with the outlet that completed the story
        Assert.Equal("Wire B", string.Join(", ", await AlsoAsync(alert)));
    }

    [Fact]
    public async Task A_chat_whose_other_filter_has_no_coverage_term_is_alerted_at_once_with_both_terms()
    {
        await using (var db = _database.Open())
        {
            db.Chats.Add(new Chat { Platform = "console", ExternalId = "mixed", CreatedAt = Now, Filters = [Filter("ceasefire outlets:3"), Filter("cairo")] });
            await db.SaveChangesAsync();
        }
        await StartAsync();
        var wireA = await AddSourceAsync("Wire A", "https://wire-a.example/feed");

        await PollAsync(wireA, "a1");

        var alert = await AlertOfAsync("mixed");
        Assert.Equal(["cairo", "ceasefire"], alert!.MatchedTerms.Split(Alert.TermSeparator).Order(StringComparer.Ordinal));
        await using var check = _database.Open();
        Assert.DoesNotContain(await check.CoverageHolds.Include(h => h.Story).ToListAsync(), h => h.ChatId == alert.ChatId);
    }

    [Fact]
    public async Task Held_matches_older_than_the_story_window_are_cleared_when_the_next_one_is_held()
    {
        var wireA = await AddSourceAsync("Wire A", "https://wire-a.example/feed");
        await PollAsync(wireA, "a1");

        _time.Advance(TimeSpan.FromHours(25)); // the default story window is 24 hours
        await PollAsync(wireA, "a2", "Ceasefire in Sudan holds for a second week, monitors report");

        await using var db = _database.Open();
        var held = Assert.Single(await db.CoverageHolds.Include(h => h.Article).ToListAsync());
        Assert.Equal("https://news.example/a2", held.Article!.Link);
    }

    [Fact]
    public async Task Removing_the_filter_drops_its_held_matches()
    {
        var wireA = await AddSourceAsync("Wire A", "https://wire-a.example/feed");
        await PollAsync(wireA, "a1");
        await using var db = _database.Open();
        Assert.Single(await db.CoverageHolds.ToListAsync());

        db.Filters.Remove(await db.Filters.SingleAsync(f => f.Text == "ceasefire outlets:3"));
        await db.SaveChangesAsync();

        Assert.Empty(await db.CoverageHolds.ToListAsync());
    }

    /// <summary>The alert's "also" names as its message shows them, read from the story's source rows.</summary>
    private async Task<IReadOnlyList<string>> AlsoAsync(Alert alert)
    {
        await using var db = _database.Open();
        return await AlsoReportedBy.LoadAsync(db, alert.StoryId, alert.ArticleId == 0 ? alert.Article!.SourceId : (await db.Articles.SingleAsync(a => a.Id == alert.ArticleId)).SourceId, CancellationToken.None);
    }

    private async Task<Alert?> AlertOfAsync(string chat)
    {
        await using var db = _database.Open();
        return await db.Alerts.Include(a => a.Article).ThenInclude(a => a!.Source).SingleOrDefaultAsync(a => a.Chat!.ExternalId == chat);
    }

    /// <summary>One new item on the source, five minutes after the last poll.</summary>
    private Task<MatchOutcome> PollAsync(long sourceId, string id, string title = Headline)
    {
        _time.Advance(TimeSpan.FromMinutes(5));
        FeedItem[] items = [new(id, title, $"https://news.example/{id}", $"<p>{title}.</p>", null, _time.GetUtcNow(), null)];
        return _matcher.PollAsync(_database, sourceId, items, Now);
    }

    private async Task<long> AddSourceAsync(string name, string url)
    {
        await using var db = _database.Open();
        var source = new Source { Name = name, Url = url, FirstFetchDone = true };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }
}
