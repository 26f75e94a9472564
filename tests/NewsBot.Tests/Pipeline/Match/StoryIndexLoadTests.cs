using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Stories;
using NewsBot.Pipeline.Match;
using NewsBot.Startup;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>The start-up rebuild of the story index from stored signatures, within its size cap.</summary>
public sealed class StoryIndexLoadTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly StoryMatcher _matcher = new();

    [Fact]
    public async Task A_restart_loads_only_the_newest_articles_that_fit_MaxIndexedArticles()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var random = new Random(15);
        var signatures = Enumerable.Range(0, 1_200).Select(_ => _matcher.Compute(Words(random, 8), Words(random, 25))).ToList();
        var source = new Source { Name = "Wire", Url = "https://wire.example/feed", FirstFetchDone = true };
        db.Sources.Add(source);
        // One story per article, fetched a minute apart over the last 20 hours, stored newest first.
        var stories = signatures.Select(_ => new Story { FirstSeenAt = Now.UtcDateTime }).ToList();
        for (var i = signatures.Count - 1; i >= 0; i--)
            db.Articles.Add(new Article
            {
                Source = source, IdentityHash = $"h{i}", Title = $"t{i}", Text = "", Story = stories[i],
                StorySignature = signatures[i].ToBytes(), FetchedAt = Now.UtcDateTime.AddMinutes(i - signatures.Count),
            });
        await db.SaveChangesAsync();
        var holder = new StoryIndexHolder(new FakeTimeProvider(Now), Options.Create(new StoryIndexOptions { MaxIndexedArticles = 1_000 }),
            NullLogger<StoryIndexHolder>.Instance);

        await holder.LoadAsync(db, CancellationToken.None);

        Assert.Equal(1_000, holder.Index.Count);
        Assert.All(Enumerable.Range(200, 1_000), i => Assert.Equal(stories[i].Id, holder.Index.FindStory(signatures[i], Now)));
        Assert.All(Enumerable.Range(0, 200), i => Assert.Null(holder.Index.FindStory(signatures[i], Now)));
    }

    [Fact]
    public async Task A_restart_recomputes_signatures_stored_in_the_old_format_instead_of_failing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var source = new Source { Name = "Wire", Url = "https://wire.example/feed", FirstFetchDone = true };
        var story = new Story { FirstSeenAt = Now.UtcDateTime };
        // Version 1 (issue 15): a version byte, 128 MinHash values, a name count, no names.
        var versionOne = new byte[1 + 128 * sizeof(uint) + 1];
        versionOne[0] = 1;
        db.Articles.Add(new Article
        {
            Source = source, IdentityHash = "h1", Title = "Mt. Gox files for bankruptcy protection in Tokyo",
            Text = "The bitcoin exchange Mt. Gox filed for bankruptcy protection after losing half a billion dollars of coins.",
            Story = story, StorySignature = versionOne, FetchedAt = Now.UtcDateTime.AddHours(-1),
        });
        await db.SaveChangesAsync();
        var holder = new StoryIndexHolder(new FakeTimeProvider(Now), Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);

        await holder.LoadAsync(db, CancellationToken.None);

        var report = _matcher.Compute("Mt. Gox files for bankruptcy protection", "Bitcoin exchange Mt. Gox filed for bankruptcy protection in Tokyo.");
        Assert.Equal(story.Id, holder.Index.FindStory(report, Now));
    }

    [Theory]
    [InlineData(null, 3 * 24, null)]
    [InlineData("1.12:00:00", 36, null)]
    [InlineData("00:30:00", 0, "NewsBot:Stories:MaxStoryAge must be between 01:00:00 and 30.00:00:00 (got 00:30:00)")]
    public void MaxStoryAge_defaults_to_3_days_and_is_checked_naming_the_key(string? value, int expectedHours, string? error)
    {
        var settings = value is null ? [] : new Dictionary<string, string?> { ["NewsBot:Stories:MaxStoryAge"] = value };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddNewsBotPipeline();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<StoryIndexOptions>>();

        if (error is null) Assert.Equal(TimeSpan.FromHours(expectedHours), options.CurrentValue.MaxStoryAge);
        else Assert.Contains(error, Assert.Throws<OptionsValidationException>(() => options.CurrentValue).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 100_000, null)]
    [InlineData("5000", 5_000, null)]
    [InlineData("999", 999, "NewsBot:Stories:MaxIndexedArticles must be between 1000 and 10000000 (got 999)")]
    [InlineData("10000001", 10_000_001, "NewsBot:Stories:MaxIndexedArticles must be between 1000 and 10000000 (got 10000001)")]
    public void MaxIndexedArticles_defaults_to_100000_and_is_checked_naming_the_key(string? value, int expected, string? error)
    {
        var settings = value is null ? [] : new Dictionary<string, string?> { ["NewsBot:Stories:MaxIndexedArticles"] = value };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddNewsBotPipeline();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<StoryIndexOptions>>();

        if (error is null) Assert.Equal(expected, options.CurrentValue.MaxIndexedArticles);
        else Assert.Contains(error, Assert.Throws<OptionsValidationException>(() => options.CurrentValue).Message, StringComparison.Ordinal);
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => new string(Enumerable.Range(0, random.Next(5, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray())));
}
