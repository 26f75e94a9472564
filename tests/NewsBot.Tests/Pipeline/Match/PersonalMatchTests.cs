using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Pipeline.Match;
using NewsBot.Sources.Parsing;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// Members' personal filters in a shared chat at match time: the member's private chat gets the alert (one per
/// story, whichever of their filters matched), the shared chat never does, and a member no private chat reaches
/// is mentioned in the shared chat instead.
/// </summary>
public sealed class PersonalMatchTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private TestDatabase _database = null!;
    private ArticleMatcher _matcher = null!;
    private long _group, _bobPrivate, _carolPrivate, _source;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        var group = new Chat { Platform = "telegram", ExternalId = "-100", CreatedAt = Now };
        var bob = new Chat { Platform = "telegram", ExternalId = "7", CreatedAt = Now, Filters = [new ChatFilter { Text = "ceasefire", CreatedAt = Now }] };
        var carol = new Chat { Platform = "telegram", ExternalId = "8", CreatedAt = Now, DeactivatedReason = "Forbidden: bot was blocked by the user" };
        var source = new Source { Name = "Wire", Url = "https://wire.example/feed", FirstFetchDone = true };
        db.AddRange(group, bob, carol, source);
        await db.SaveChangesAsync();
        (_group, _bobPrivate, _carolPrivate, _source) = (group.Id, bob.Id, carol.Id, source.Id);
        db.Filters.AddRange(
            Personal("7", "Bob", "ceasefire", bob.Id), Personal("7", "Bob", "talks", bob.Id),
            Personal("8", "Carol", "ceasefire", carol.Id), Personal("9", "Dave", "talks", null));
        await db.SaveChangesAsync();
        var filters = new FilterIndexHolder(Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        await filters.LoadAsync(db, CancellationToken.None);
        var stories = new StoryIndexHolder(_time, Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);
        await stories.LoadAsync(db, CancellationToken.None);
        _matcher = MatchStage.Create(_database, filters, stories, _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private ChatFilter Personal(string user, string name, string text, long? privateChat) =>
        new() { ChatId = _group, Text = text, CreatedAt = Now, OwnerUserId = user, OwnerName = name, PersonalChatId = privateChat, AddedBy = "telegram:" + user };

    [Fact]
    public async Task Personal_filters_alert_the_members_private_chat_once_and_never_the_shared_chat_and_unreachable_members_are_mentioned()
    {
        var outcome = await _matcher.PollAsync(_database, _source,
            [new FeedItem("1", "Ceasefire talks resume in Cairo", "https://news.example/1", "<p>Talks.</p>", null, _time.GetUtcNow(), null)], Now);

        await using var db = _database.Open();
        var alerts = await db.Alerts.ToListAsync();
        // Bob: his own chat's filter and both personal ones matched: one alert, in his private chat.
        var alert = Assert.Single(alerts);
        Assert.Equal(_bobPrivate, alert.ChatId);
        Assert.DoesNotContain(alerts, a => a.ChatId == _group);
        var mentions = await db.MemberMentions.OrderBy(m => m.UserId).ToListAsync();
        Assert.Equal([("8", "Carol"), ("9", "Dave")], mentions.Select(m => (m.UserId, m.UserName!)).ToArray());
        Assert.All(mentions, m => Assert.Equal(_group, m.ChatId));
        Assert.Equal(2, outcome.NewMentions);
        Assert.DoesNotContain(alerts, a => a.ChatId == _carolPrivate);
    }
}
