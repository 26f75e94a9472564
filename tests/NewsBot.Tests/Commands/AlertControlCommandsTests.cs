using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Delivery;
using NewsBot.Storage.Entities;

namespace NewsBot.Tests.Commands;

/// <summary>
/// The one-tap controls under an alert, pressed as their command text: "Mute this story", "Pause 1 h" and "Why?",
/// each naming only the alert id, checked against the chat the press comes from.
/// </summary>
public sealed class AlertControlCommandsTests
{
    private static string Id(Alert alert) => alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_alert_offers_mute_and_pause_and_why_only_when_its_filter_has_several_terms()
    {
        await using var rig = await AlertControlRig.StartAsync();
        var (_, simple) = await rig.SentAlertAsync("1", "ceasefire", "ceasefire");
        var (_, compound) = await rig.SentAlertAsync("2", "ceasefire AND (gaza OR lebanon)", "ceasefire,gaza");

        var buttons = rig.Sender.Contents.Select(c => c.Buttons.SelectMany(row => row).Select(b => (b.Label, b.CallbackData)).ToList()).ToList();
        Assert.Equal([("🔕 Mute this story", "/mutestory " + Id(simple)), ("⏸ Pause 1 h", "/pause 1h")], buttons[0]);
        Assert.Equal([("🔕 Mute this story", "/mutestory " + Id(compound)), ("⏸ Pause 1 h", "/pause 1h"), ("❓ Why?", "/why " + Id(compound))], buttons[1]);
    }

    [Fact]
    public async Task A_muted_story_gets_no_more_also_edits_even_after_a_restart()
    {
        await using var rig = await AlertControlRig.StartAsync();
        var (_, alert) = await rig.SentAlertAsync("1", "ceasefire", "ceasefire");
        var (_, other) = await rig.SentAlertAsync("2", "ceasefire", "ceasefire");
        await using (var db = rig.World.Db()) // the second chat's alert is about the same story
            await db.Alerts.Where(a => a.Id == other.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.StoryId, alert.StoryId));

        var reply = await rig.RunAsync(AlertControlRig.Private("1"), "/mutestory " + Id(alert));
        Assert.StartsWith("Story muted for good: no more alerts or updates about it in this chat.", reply);
        await rig.Delivery.ReportAsync(alert.Id, "Reuters");
        await using (var restarted = new Pipeline.Deliver.OutboxHarness(rig.World.Database, rig.World.Time, rig.Sender))
            await restarted.DispatchAsync();

        // The chat that did not mute it gets its edit; the muted one none.
        var edits = rig.Sender.Attempts.Where(a => a.Text.StartsWith("edit:", StringComparison.Ordinal)).ToList();
        Assert.Equal("2", Assert.Single(edits).ChatId);
        Assert.False((await rig.Delivery.AlertAsync(alert.Id)).UpdatePending);
        // The edit still carries its buttons (Telegram drops a keyboard an edit leaves out).
        Assert.NotEmpty(rig.Sender.Contents[^1].Buttons);
    }

    [Fact]
    public async Task A_press_in_another_chat_or_on_an_unknown_alert_changes_nothing()
    {
        await using var rig = await AlertControlRig.StartAsync();
        var (_, alert) = await rig.SentAlertAsync("1", "ceasefire", "ceasefire");
        await rig.RunAsync(AlertControlRig.Private("2"), "/start");

        Assert.Equal("This button is not for this chat.", await rig.RunAsync(AlertControlRig.Private("2"), "/mutestory " + Id(alert)));
        Assert.Equal("This button is not for this chat.", await rig.RunAsync(AlertControlRig.Private("2"), "/why " + Id(alert)));
        Assert.StartsWith("That alert is no longer known here", await rig.RunAsync(AlertControlRig.Private("1"), "/mutestory 999999"));
        await using var db = rig.World.Db();
        Assert.Empty(await db.ChatStoryMutes.ToListAsync());
    }

    [Fact]
    public async Task In_a_group_a_member_cannot_mute_or_pause_but_may_ask_why()
    {
        await using var rig = await AlertControlRig.StartAsync();
        var (_, alert) = await rig.SentAlertAsync("-5", "ceasefire -football", "ceasefire");
        var member = AlertControlRig.Group("-5", "77", admin: false);

        Assert.StartsWith("Only this group's administrators can use /mutestory here.", await rig.RunAsync(member, "/mutestory " + Id(alert)));
        Assert.StartsWith("Only this group's administrators can use /pause here.", await rig.RunAsync(member, "/pause 1h"));
        Assert.Equal("Matched your filter 1: ceasefire -football — terms found: ceasefire", await rig.RunAsync(member, "/why " + Id(alert)));
        Assert.Null((await rig.Delivery.ChatAsync(alert.ChatId)).PausedUntil);
    }

    [Fact]
    public async Task Why_names_the_filter_and_the_terms_and_says_when_the_filter_is_gone()
    {
        await using var rig = await AlertControlRig.StartAsync();
        await rig.RunAsync(AlertControlRig.Private("1"), "/add election");
        var (_, alert) = await rig.SentAlertAsync("1", "ceasefire AND (gaza OR lebanon)", "ceasefire,gaza");

        Assert.Equal("Matched your filter 2: ceasefire (gaza OR lebanon) — terms found: ceasefire, gaza", // shown as /list shows it
            await rig.RunAsync(AlertControlRig.Private("1"), "/why " + Id(alert)));
        await rig.RunAsync(AlertControlRig.Private("1"), "/remove 2");
        Assert.Equal("The filter that matched this alert has been removed since. Terms found: ceasefire, gaza.",
            await rig.RunAsync(AlertControlRig.Private("1"), "/why " + Id(alert)));
    }

    [Fact]
    public async Task Pause_for_an_hour_holds_alerts_and_sends_them_as_one_digest_when_it_ends()
    {
        await using var rig = await AlertControlRig.StartAsync();
        var chat = await rig.Delivery.AddChatAsync(AlertControlRig.Platform, "1");
        var reply = await rig.RunAsync(AlertControlRig.Private("1"), "/pause 1h");
        Assert.Equal("Alerts paused for 1 h, until 10:30 UTC; what matches meanwhile arrives then as one digest. /resume ends it early.", reply);
        Assert.Contains("Paused until 10:30 UTC; /resume ends it early.", await rig.RunAsync(AlertControlRig.Private("1"), "/digest"));

        var first = await rig.Delivery.AddAlertAsync(chat, "Ceasefire talks resume");
        var second = await rig.Delivery.AddAlertAsync(chat, "Ceasefire holds overnight");
        await rig.Delivery.DispatchAsync();
        Assert.Empty(rig.Sender.Attempts);
        Assert.Equal(("Away", rig.Delivery.Now.AddHours(1)), ((await rig.Delivery.AlertAsync(first.Id)).HeldFor, (await rig.Delivery.AlertAsync(first.Id)).NextAttemptAt));

        rig.World.Time.Advance(TimeSpan.FromMinutes(61));
        await rig.Delivery.DispatchAsync();

        var digest = Assert.Single(rig.Sender.Attempts);
        Assert.Contains("Ceasefire talks resume", digest.Text);
        Assert.Contains("Ceasefire holds overnight", digest.Text);
        Assert.Equal(AlertStatus.Sent, (await rig.Delivery.AlertAsync(second.Id)).Status);
        Assert.DoesNotContain("Paused until", await rig.RunAsync(AlertControlRig.Private("1"), "/digest"));
    }

    [Fact]
    public async Task Resume_ends_a_timed_pause_and_its_held_alerts_come_at_once()
    {
        await using var rig = await AlertControlRig.StartAsync();
        var chat = await rig.Delivery.AddChatAsync(AlertControlRig.Platform, "1");
        await rig.RunAsync(AlertControlRig.Private("1"), "/pause 2h");
        await rig.Delivery.AddAlertAsync(chat, "Ceasefire talks resume");
        await rig.Delivery.DispatchAsync();
        Assert.Empty(rig.Sender.Attempts);

        Assert.Equal("Alerts are on again.", await rig.RunAsync(AlertControlRig.Private("1"), "/resume"));
        await rig.Delivery.DispatchAsync();

        Assert.Contains("Ceasefire talks resume", Assert.Single(rig.Sender.Attempts).Text);
        Assert.Null((await rig.Delivery.ChatAsync(chat.Id)).PausedUntil);
    }

    [Fact]
    public async Task A_pause_ending_in_quiet_hours_sends_its_digest_when_they_end()
    {
        await using var rig = await AlertControlRig.StartAsync(); // 09:30 UTC
        var chat = await rig.Delivery.AddChatAsync(AlertControlRig.Platform, "1");
        await rig.RunAsync(AlertControlRig.Private("1"), "/quiet 10:00-12:00");
        await rig.RunAsync(AlertControlRig.Private("1"), "/pause 45m");
        var alert = await rig.Delivery.AddAlertAsync(chat, "Ceasefire talks resume");
        await rig.Delivery.DispatchAsync();

        Assert.Equal(rig.Delivery.Now.Date.AddHours(12), (await rig.Delivery.AlertAsync(alert.Id)).NextAttemptAt);
        Assert.Equal(DigestKind.Away.ToString(), (await rig.Delivery.AlertAsync(alert.Id)).HeldFor);
    }
}
