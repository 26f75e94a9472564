using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Alerts;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver;

/// <summary>What the platform says about a chat applies to every kind of outbox item alike.</summary>
public sealed class ChatGoneAndMovedTests
{
    private const string Blocked = "Forbidden: bot was blocked by the user";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    public enum Kind { Alert, Digest, Notice }

    private static async Task SendAsync(OutboxHarness outbox, Kind kind, Chat chat, string title)
    {
        if (kind == Kind.Notice) await outbox.AddNoticeAsync(chat.Platform, chat.ExternalId, chat.Id, title);
        else await outbox.AddAlertAsync(chat, title, heldFor: kind == Kind.Digest ? "Daily" : null);
    }

    private static Task RunAsync(OutboxHarness outbox, Kind kind) => kind == Kind.Notice ? outbox.SendNoticesAsync() : outbox.DispatchAsync();

    [Theory]
    [InlineData(Kind.Alert)]
    [InlineData(Kind.Digest)]
    [InlineData(Kind.Notice)]
    public async Task A_chat_that_blocked_the_bot_is_deactivated_and_nothing_more_is_sent_to_it(Kind kind)
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (chat, _) => chat == "c1" ? new SendOutcome.ChatGone(Blocked) : null };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        await SendAsync(outbox, kind, chat, "Ceasefire talks open");

        await RunAsync(outbox, kind);
        Assert.Equal(Blocked, (await outbox.ChatAsync(chat.Id)).DeactivatedReason);
        var tries = platform.Attempts.Count;
        Assert.Equal(1, tries);

        // Later rounds, and every kind of item, leave the chat alone.
        _time.Advance(TimeSpan.FromMinutes(5));
        foreach (var other in Enum.GetValues<Kind>()) await SendAsync(outbox, other, chat, "Ceasefire holds " + other);
        await outbox.DispatchAsync();
        await outbox.SendNoticesAsync();
        Assert.Equal(tries, platform.Attempts.Count);
    }

    [Theory]
    [InlineData(Kind.Alert)]
    [InlineData(Kind.Digest)]
    [InlineData(Kind.Notice)]
    public async Task A_group_that_became_a_supergroup_is_followed_and_gets_the_item_at_its_new_id(Kind kind)
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (chat, _) => chat == "-4001" ? new SendOutcome.ChatMoved("-1009000000001") : null };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "-4001");
        await SendAsync(outbox, kind, chat, "Ceasefire talks open");

        await RunAsync(outbox, kind);
        await RunAsync(outbox, kind); // a notice waits for the next round; alerts and digests go on at once

        Assert.Equal("-1009000000001", (await outbox.ChatAsync(chat.Id)).ExternalId);
        Assert.Contains(platform.Attempts, a => a.ChatId == "-1009000000001" && a.Text.Contains("Ceasefire talks open", StringComparison.Ordinal));
        Assert.Single(platform.Attempts, a => a.ChatId == "-4001");
    }

    [Fact]
    public async Task A_group_that_moved_to_an_id_that_already_has_a_chat_is_deactivated()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (chat, _) => chat == "-4001" ? new SendOutcome.ChatMoved("-1009000000001") : null };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "-4001");
        await outbox.AddChatAsync(platform.Name, "-1009000000001");
        await outbox.AddAlertAsync(chat, "Ceasefire talks open");

        await outbox.DispatchAsync();

        var moved = await outbox.ChatAsync(chat.Id);
        Assert.Equal("-4001", moved.ExternalId);
        Assert.Equal("moved to -1009000000001, which already has a chat", moved.DeactivatedReason);
        Assert.Single(platform.Attempts);
    }

    [Fact]
    public async Task A_permanent_failure_marks_the_item_failed_with_the_reason()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (_, _) => new SendOutcome.Failed("telegram chat c1: Bad Request: chat not found") };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var alert = await outbox.AddAlertAsync(chat, "Ceasefire talks open");
        var held = await outbox.AddAlertAsync(chat, "Ceasefire holds", heldFor: "Daily");
        var notice = await outbox.AddNoticeAsync(platform.Name, "c1", chat.Id);

        await outbox.DispatchAsync();
        await outbox.SendNoticesAsync();

        foreach (var (status, error) in new[]
                 {
                     ((await outbox.AlertAsync(alert.Id)).Status, (await outbox.AlertAsync(alert.Id)).LastError),
                     ((await outbox.AlertAsync(held.Id)).Status, (await outbox.AlertAsync(held.Id)).LastError),
                     ((await outbox.NoticeAsync(notice.Id)).Status, (await outbox.NoticeAsync(notice.Id)).LastError),
                 })
        {
            Assert.Equal(AlertStatus.Failed, status);
            Assert.Equal("telegram chat c1: Bad Request: chat not found", error);
        }
        Assert.Null((await outbox.ChatAsync(chat.Id)).DeactivatedReason);
    }
}
