using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Pipeline.Match;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// Matches held for <c>outlets:N</c> when their story merges: they follow it to the survivor, where the
/// next report counts every merged outlet, and a chat held on both stories keeps one hold.
/// </summary>
public sealed class StoryMergerHoldsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Held_matches_follow_their_story_into_the_survivor_and_a_chat_keeps_its_least_demanding_one()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        long older, newer, reader, other;
        await using (var db = _database.Open())
        {
            var source = new Source { Name = "Wire A", Url = "https://wire-a.example/feed", FirstFetchDone = true };
            Story s1 = new() { FirstSeenAt = now }, s2 = new() { FirstSeenAt = now };
            Article Report(Story story, string id) => new() { Source = source, Story = story, IdentityHash = id, Title = "Ceasefire talks", Text = "", FetchedAt = now };
            var (a1, a2) = (Report(s1, "1"), Report(s2, "2"));
            var readerChat = new Chat { Platform = "console", ExternalId = "reader", CreatedAt = now, Filters = [new ChatFilter { Text = "ceasefire outlets:3", CreatedAt = now }, new ChatFilter { Text = "talks outlets:2", CreatedAt = now }] };
            var otherChat = new Chat { Platform = "console", ExternalId = "other", CreatedAt = now, Filters = [new ChatFilter { Text = "ceasefire outlets:4", CreatedAt = now }] };
            db.AddRange(a1, a2, readerChat, otherChat);
            await db.SaveChangesAsync();
            CoverageHold Hold(Chat chat, ChatFilter filter, Story story, Article article, int n) =>
                new() { ChatId = chat.Id, FilterId = filter.Id, StoryId = story.Id, ArticleId = article.Id, MatchedTerms = "ceasefire", MinOutlets = n, CreatedAt = now };
            db.CoverageHolds.AddRange(
                Hold(readerChat, readerChat.Filters[0], s1, a1, 3),
                Hold(readerChat, readerChat.Filters[1], s2, a2, 2),
                Hold(otherChat, otherChat.Filters[0], s2, a2, 4));
            await db.SaveChangesAsync();
            (older, newer, reader, other) = (s1.Id, s2.Id, readerChat.Id, otherChat.Id);
        }
        var stories = new StoryIndexHolder(_time, Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);
        await using (var db = _database.Open()) await stories.LoadAsync(db, CancellationToken.None);
        var merger = new StoryMerger(_database.Factory, stories, _time, NullLogger<StoryMerger>.Instance);

        var survivors = await merger.MergeAsync([(newer, older)], CancellationToken.None);

        Assert.Equal(older, survivors[newer]);
        await using var check = _database.Open();
        var holds = await check.CoverageHolds.OrderBy(h => h.ChatId).Select(h => new { h.ChatId, h.StoryId, h.MinOutlets }).ToListAsync();
        Assert.Equal([new { ChatId = reader, StoryId = older, MinOutlets = 2 }, new { ChatId = other, StoryId = older, MinOutlets = 4 }], holds);
    }
}
