using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Sources.Parsing;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;
using NewsBot.Tests.Pipeline.Match;

namespace NewsBot.Tests.Pipeline.Ingest;

/// <summary>
/// <c>lang:</c> filters on a real feed: parsed, ingested (language declared by the item, else the
/// feed, else detected by Lingua), matched and turned into alert rows as a poll does.
/// </summary>
public sealed class LanguageFilterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private TestDatabase _database = null!;
    private FilterIndexHolder _filters = null!;
    private ArticleMatcher _matcher = null!;

    // A few languages keep the test's detector small; the look-alikes of Arabic among them.
    private readonly LanguageOptions _options = new() { AlsoConsider = ["en", "ar", "fa", "ur", "fr"] };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _filters = new FilterIndexHolder(Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        var stories = new StoryIndexHolder(_time, Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);
        await using (var db = _database.Open()) await stories.LoadAsync(db, CancellationToken.None);
        _matcher = MatchStage.Create(_database, _filters, stories, _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Lang_filters_on_a_mixed_feed_get_only_the_articles_in_their_language()
    {
        await AddChatsAsync(("arabic", "lang:ar"), ("arabic-ceasefire", "ceasefire lang:ar"), ("not-english", "ceasefire -lang:en"), ("english", "lang:en"));

        await PollAsync("mixed-arabic-english.xml");

        Assert.Equal(["ar-1", "ar-2"], await AlertedAsync("arabic"));
        Assert.Equal(["ar-1"], await AlertedAsync("arabic-ceasefire"));
        Assert.Equal(["ar-1", "fr-1"], await AlertedAsync("not-english"));
        Assert.Equal(["en-1", "en-2"], await AlertedAsync("english"));
        await using var db = _database.Open();
        Assert.Equal(["ar", "en", "ar", "en", "fr"], await db.Articles.OrderBy(a => a.Id).Select(a => a.Language).ToListAsync());
    }

    [Fact]
    public async Task Lang_term_is_not_shown_as_a_matched_term()
    {
        await AddChatsAsync(("arabic-ceasefire", "ceasefire lang:ar"));

        await PollAsync("mixed-arabic-english.xml");

        await using var db = _database.Open();
        Assert.Equal("ceasefire", (await db.Alerts.SingleAsync()).MatchedTerms);
    }

    [Fact]
    public async Task Language_the_feed_declares_wins_over_detection()
    {
        await AddChatsAsync(("arabic", "lang:ar"), ("english", "lang:en"));

        await PollAsync("declared-english-with-arabic-text.xml");

        Assert.Empty(await AlertedAsync("arabic"));
        Assert.Equal(["1"], await AlertedAsync("english"));
    }

    [Fact]
    public async Task Without_lang_filters_nothing_is_detected_and_undeclared_articles_stay_of_unknown_language()
    {
        await AddChatsAsync(("gold", "gold OR ceasefire"));

        await PollAsync("mixed-arabic-english.xml");

        await using var db = _database.Open();
        Assert.Equal([null, null, null, "en", null], await db.Articles.OrderBy(a => a.Id).Select(a => a.Language).ToListAsync());
    }

    [Fact]
    public async Task With_detection_off_only_declared_languages_match()
    {
        _options.Detect = false;
        await AddChatsAsync(("arabic", "lang:ar"), ("english", "lang:en"), ("not-english", "ceasefire -lang:en"));

        await PollAsync("mixed-arabic-english.xml");

        Assert.Empty(await AlertedAsync("arabic"));
        Assert.Equal(["en-2"], await AlertedAsync("english"));
        Assert.Equal(["ar-1", "en-1", "fr-1"], await AlertedAsync("not-english")); // unknown language is "not English"
    }

    private async Task AddChatsAsync(params (string Name, string Filter)[] chats)
    {
        await using var db = _database.Open();
        foreach (var (name, filter) in chats)
            db.Chats.Add(new Chat { Platform = "console", ExternalId = name, CreatedAt = Now, Filters = [new ChatFilter { Text = filter, CreatedAt = Now }] });
        await db.SaveChangesAsync();
        await _filters.LoadAsync(db, CancellationToken.None);
    }

    private async Task PollAsync(string feedFile)
    {
        var feed = FeedParser.Parse(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "testdata", "feeds", feedFile)), null, null);
        var detector = new ArticleLanguageDetector(_filters, Options.Create(_options), NullLogger<ArticleLanguageDetector>.Instance);
        await using var db = _database.Open();
        var source = new Source { Name = feed.Title!, Url = $"https://{feedFile}.example/feed", FirstFetchDone = true };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        var added = await new ArticleIngester(ArticleIngester.DefaultMaxArticleAge, detector).AddNewItemsAsync(db, source, feed, Now, CancellationToken.None);
        var outcome = await _matcher.MatchAsync(db, source, added.Current, added.Alerting, Now, CancellationToken.None);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            await _matcher.RecordAsync(db, outcome, CancellationToken.None);
            await tx.CommitAsync();
        }
        await _matcher.PublishAsync(outcome, Now, CancellationToken.None);
    }

    /// <summary>The item ids (the articles' links end in them) a chat got alerts for.</summary>
    private async Task<List<string>> AlertedAsync(string chat)
    {
        await using var db = _database.Open();
        var links = await db.Alerts.Where(a => a.Chat!.ExternalId == chat).Select(a => a.Article!.Link!).ToListAsync();
        return links.Select(l => l[(l.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal).ToList();
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;
}
