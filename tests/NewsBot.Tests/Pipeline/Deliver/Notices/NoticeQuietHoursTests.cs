using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Delivery;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver.Notices;

/// <summary>
/// Source-health notices obey the chat's quiet hours and digests as its alerts do: they wait (not lost, not
/// sent twice) and arrive when the chat would next hear from the bot.
/// </summary>
public sealed class NoticeQuietHoursTests
{
    // 23:30 UTC on a Saturday.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 23, 30, 0, TimeSpan.Zero));

    private static async Task SetPreferencesAsync(OutboxHarness outbox, long chatId, DeliveryPreferences prefs)
    {
        await using var db = outbox.Database.Open();
        var chat = await db.Chats.FindAsync(chatId);
        chat!.DeliveryPreferences = DeliveryPreferencesText.Format(prefs);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_notice_during_quiet_hours_waits_until_they_end_and_arrives_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        await SetPreferencesAsync(outbox, chat.Id, DeliveryPreferences.Default with { Quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)) });
        var notice = await outbox.AddNoticeAsync(platform.Name, "c1", chat.Id);

        Assert.Equal(0, await outbox.SendNoticesAsync());
        Assert.Empty(platform.Attempts);
        var waiting = await outbox.NoticeAsync(notice.Id);
        Assert.Equal((AlertStatus.Pending, 0, new DateTime(2026, 12, 6, 7, 0, 0)), (waiting.Status, waiting.Attempts, waiting.NextAttemptAt));

        _time.Advance(TimeSpan.FromHours(4));
        Assert.Equal(0, await outbox.SendNoticesAsync()); // 03:30: still quiet
        _time.Advance(TimeSpan.FromHours(3.5));
        Assert.Equal(1, await outbox.SendNoticesAsync()); // 07:00
        Assert.Equal(0, await outbox.SendNoticesAsync());

        Assert.Equal([("c1", "feed 'Wire' has been failing")], platform.Attempts);
        Assert.Equal(AlertStatus.Sent, (await outbox.NoticeAsync(notice.Id)).Status);
    }

    [Fact]
    public async Task A_notice_to_a_chat_in_digest_mode_goes_out_at_the_next_digest_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        await SetPreferencesAsync(outbox, chat.Id, DeliveryPreferences.Default with { Digest = DigestSchedule.Daily(new TimeOnly(8, 0)) });
        await outbox.AddNoticeAsync(platform.Name, "c1", chat.Id);

        _time.Advance(TimeSpan.FromHours(8)); // 07:30
        Assert.Equal(0, await outbox.SendNoticesAsync());
        _time.Advance(TimeSpan.FromMinutes(30)); // 08:00, the digest time
        Assert.Equal(1, await outbox.SendNoticesAsync());
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await outbox.SendNoticesAsync());
        Assert.Single(platform.Attempts);
    }

    [Fact]
    public async Task An_admins_notice_obeys_the_quiet_hours_of_their_private_chat_and_others_go_at_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var adminChat = await outbox.AddChatAsync(platform.Name, "1000"); // the admin's private chat with the bot
        await SetPreferencesAsync(outbox, adminChat.Id, DeliveryPreferences.Default with { Quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)) });
        await outbox.AddNoticeAsync(platform.Name, "1000", chatId: null);
        await outbox.AddNoticeAsync(platform.Name, "2000", chatId: null); // an admin without a chat row or settings

        Assert.Equal(1, await outbox.SendNoticesAsync());
        Assert.Equal(["2000"], platform.Attempts.Select(a => a.ChatId));
        _time.Advance(TimeSpan.FromHours(8));
        Assert.Equal(1, await outbox.SendNoticesAsync());
        Assert.Equal(["2000", "1000"], platform.Attempts.Select(a => a.ChatId));
    }
}
