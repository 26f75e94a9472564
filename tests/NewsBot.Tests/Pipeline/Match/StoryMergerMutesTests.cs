using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Pipeline.Match;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>"Mute this story" survives a merge: the chat that muted an absorbed story has muted the survivor.</summary>
public sealed class StoryMergerMutesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_mute_on_an_absorbed_story_carries_over_to_the_survivor_and_its_edits_stay_off()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        long older, newer, muting, other;
        await using (var db = _database.Open())
        {
            var source = new Source { Name = "Wire A", Url = "https://wire-a.example/feed", FirstFetchDone = true };
            Story s1 = new() { FirstSeenAt = now }, s2 = new() { FirstSeenAt = now };
            Article Report(Story story, string id) => new() { Source = source, Story = story, IdentityHash = id, Title = "Ceasefire talks", Text = "", FetchedAt = now };
            var mutingChat = new Chat { Platform = "console", ExternalId = "muting", CreatedAt = now };
            var otherChat = new Chat { Platform = "console", ExternalId = "other", CreatedAt = now };
            Alert Sent(Chat chat, Story story, Article article) => new()
            {
                Chat = chat, Story = story, Article = article, MatchedTerms = "ceasefire", Status = AlertStatus.Sent, SentAt = now, CreatedAt = now, NextAttemptAt = now,
            };
            var (a1, a2) = (Report(s1, "1"), Report(s2, "2"));
            db.Articles.Add(a1);
            db.Alerts.AddRange(Sent(mutingChat, s2, a2), Sent(otherChat, s2, a2));
            await db.SaveChangesAsync();
            db.ChatStoryMutes.Add(new ChatStoryMute { ChatId = mutingChat.Id, StoryId = s2.Id, CreatedAt = now });
            await db.SaveChangesAsync();
            (older, newer, muting, other) = (s1.Id, s2.Id, mutingChat.Id, otherChat.Id);
        }
        var stories = new StoryIndexHolder(_time, Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);
        await using (var db = _database.Open()) await stories.LoadAsync(db, CancellationToken.None);
        var merger = new StoryMerger(_database.Factory, stories, _time, NullLogger<StoryMerger>.Instance);

        await merger.MergeAsync([(newer, older)], CancellationToken.None);

        await using var check = _database.Open();
        Assert.True(await StoryMutes.IsMutedAsync(check, muting, older, CancellationToken.None));
        Assert.False(await StoryMutes.IsMutedAsync(check, other, older, CancellationToken.None));
        var pending = await check.Alerts.Where(a => a.UpdatePending).Select(a => a.ChatId).ToListAsync();
        Assert.Equal([other], pending); // the merge's "also" edit goes to the chat that did not mute the story
    }
}
