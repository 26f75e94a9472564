using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Alerts;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver;

public sealed class ChatDeliveryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    private static async Task<Alert> SentAsync(OutboxHarness outbox, Chat chat, string title, string? heldFor = null)
    {
        var alert = await outbox.AddAlertAsync(chat, title, heldFor);
        await outbox.SetAlertAsync(alert.Id, a =>
        {
            a.Status = AlertStatus.Sent;
            a.SentAt = outbox.Now;
            a.PlatformMessageId = heldFor is null ? "m1" : null;
        });
        await outbox.ReportAsync(alert.Id, "Agency");
        return alert;
    }

    [Fact]
    public async Task A_story_that_gained_a_source_while_its_edit_was_in_flight_is_edited_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var alert = await SentAsync(outbox, chat, "Ceasefire talks open");
        platform.During = async () =>
        {
            platform.During = null;
            await outbox.ReportAsync(alert.Id, "Daily Post");
        };

        await outbox.DispatchAsync();

        Assert.Equal(["edit: Ceasefire talks open also Agency", "edit: Ceasefire talks open also Agency, Daily Post"], platform.Attempts.Select(a => a.Text));
        var edited = await outbox.AlertAsync(alert.Id);
        Assert.False(edited.UpdatePending);
        Assert.Equal(outbox.Now, edited.SentAt); // an edit is not a new send
    }

    [Fact]
    public async Task A_refused_edit_keeps_the_alert_sent_and_records_why()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (_, _) => new SendOutcome.Failed("message to edit not found") };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var alert = await SentAsync(outbox, chat, "Ceasefire talks open");

        await outbox.DispatchAsync();

        var kept = await outbox.AlertAsync(alert.Id);
        Assert.Equal((AlertStatus.Sent, false, "message to edit not found"), (kept.Status, kept.UpdatePending, kept.LastError));
    }

    [Fact]
    public async Task A_digested_story_that_gained_a_source_does_not_hold_up_the_chats_next_alerts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform();
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "c1");
        var digested = await SentAsync(outbox, chat, "Ceasefire talks open", heldFor: "Daily");
        var next = await outbox.AddAlertAsync(chat, "Ceasefire holds");

        await outbox.DispatchAsync();

        Assert.Equal(["Ceasefire holds"], platform.Attempts.Select(a => a.Text)); // a digest line has no message to edit
        Assert.False((await outbox.AlertAsync(digested.Id)).UpdatePending);
        Assert.Equal(AlertStatus.Sent, (await outbox.AlertAsync(next.Id)).Status);
    }
}
