using NewsBot.Core.Alerts;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests.Sending;

public class TelegramAlertSenderTests
{
    private static readonly AlertContent Alert = new("Ceasefire talks resume", "Negotiators met in Cairo.", "Example News",
        new DateTimeOffset(2026, 11, 29, 14, 5, 0, TimeSpan.Zero), "https://news.example/a", ["ceasefire"]);

    [Theory]
    [InlineData("Forbidden: bot was blocked by the user")]
    [InlineData("Forbidden: user is deactivated")]
    [InlineData("Forbidden: bot was kicked from the supergroup chat")]
    [InlineData("Forbidden: the group chat was deleted")]
    public async Task Forbidden_chats_are_reported_gone_with_telegrams_reason(string description)
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.MakeChatGone(42, description);
        var gone = Assert.IsType<SendOutcome.ChatGone>(await t.Sender.SendAsync("42", Alert, default));
        Assert.Equal(description, gone.Reason);
        Assert.Empty(t.Server.SentMessages);
    }

    [Fact]
    public async Task Unknown_chat_is_reported_gone()
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.FailNext("sendMessage", 400, "Bad Request: chat not found");
        Assert.IsType<SendOutcome.ChatGone>(await t.Sender.SendAsync("42", Alert, default));
    }

    [Fact]
    public async Task Upgraded_group_is_reported_moved_to_the_new_supergroup_id()
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.MigrateChat(-4001, -1004001);
        var moved = Assert.IsType<SendOutcome.ChatMoved>(await t.Sender.SendAsync("-4001", Alert, default));
        Assert.Equal("-1004001", moved.NewChatId);
        Assert.IsType<SendOutcome.Sent>(await t.Sender.SendAsync(moved.NewChatId, Alert, default));
        Assert.Equal(-1004001, Assert.Single(t.Server.SentMessages).ChatId);
    }

    [Fact]
    public async Task Refused_html_is_resent_as_plain_text()
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.FailNext("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3");
        Assert.IsType<SendOutcome.Sent>(await t.Sender.SendAsync("42", Alert, default));
        var sent = Assert.Single(t.Server.SentMessages);
        Assert.Null(sent.ParseMode);
        Assert.StartsWith("Ceasefire talks resume\nhttps://news.example/a\nNegotiators met in Cairo.", sent.Text);
    }

    [Fact]
    public async Task Flood_reply_gives_retry_after_and_pauses_the_whole_bot()
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.FailNext("sendMessage", 429, "Too Many Requests: retry after 7"); // no parameters: defaults apply
        var first = Assert.IsType<SendOutcome.RetryLater>(await t.Sender.SendAsync("42", Alert, default));
        Assert.Equal(TimeSpan.FromSeconds(5), first.After);

        // A real flood reply from the fake's limits: a group's 21st message within a minute.
        await using var strict = await TelegramHarness.StartAsync(server: new FakeBotApiOptions { Limits = new FakeFloodLimits { GroupPerWindow = 1 } });
        Assert.IsType<SendOutcome.Sent>(await strict.Sender.SendAsync("-500", Alert, default));
        var flood = Assert.IsType<SendOutcome.RetryLater>(await strict.Sender.SendAsync("-500", Alert, default));
        Assert.InRange(flood.After, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(60));
        Assert.Contains("retry after", flood.Reason);
        Assert.NotNull(strict.Pacer.PausedUntil); // every chat now waits, not only -500
        Assert.InRange(strict.Pacer.PausedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Server_errors_ask_for_a_retry_with_growing_backoff()
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.FailNext("sendMessage", 502, "Bad Gateway", times: 3);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
            delays.Add(Assert.IsType<SendOutcome.RetryLater>(await t.Sender.SendAsync("42", Alert, default)).After);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.InRange(delays[2], TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
        Assert.IsType<SendOutcome.Sent>(await t.Sender.SendAsync("42", Alert, default));
    }

    [Fact]
    public async Task Unreachable_server_asks_for_a_retry_and_keeps_the_token_out_of_the_reason()
    {
        var t = await TelegramHarness.StartAsync();
        await t.Server.DisposeAsync(); // nothing listens on the port any more
        var retry = Assert.IsType<SendOutcome.RetryLater>(await t.Sender.SendAsync("42", Alert, default));
        Assert.True(retry.After > TimeSpan.Zero);
        Assert.DoesNotContain(t.Options.BotToken!, retry.Reason);
    }

    [Fact]
    public async Task Other_bad_requests_fail_only_that_alert()
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.FailNext("sendMessage", 400, "Bad Request: message is too long");
        var failed = Assert.IsType<SendOutcome.Failed>(await t.Sender.SendAsync("42", Alert, default));
        Assert.Contains("message is too long", failed.Reason);
        Assert.IsType<SendOutcome.Failed>(await t.Sender.SendAsync("not-a-number", Alert, default));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Link_previews_follow_the_chat_setting(bool showPreview, bool expectDisabled)
    {
        await using var t = await TelegramHarness.StartAsync();
        await t.Sender.SendAsync("42", Alert, showPreview, default);
        Assert.Equal(expectDisabled, Assert.Single(t.Server.SentMessages).LinkPreviewDisabled);
    }
}

public class TelegramAlertUpdateTests
{
    private static readonly AlertContent Alert = new("Ceasefire talks resume", "Negotiators met in Cairo.", "Example News",
        new DateTimeOffset(2026, 11, 29, 14, 5, 0, TimeSpan.Zero), "https://news.example/a", ["ceasefire"]);

    [Fact]
    public async Task Also_reported_by_edits_the_sent_alert_in_place()
    {
        await using var t = await TelegramHarness.StartAsync();
        var sent = Assert.IsType<SendOutcome.Sent>(await t.Sender.SendAsync("42", Alert, default));
        var updated = await t.Sender.UpdateAsync("42", sent.MessageId, Alert with { AlsoReportedBy = ["Reuters", "AP & Co"] }, default);

        Assert.Equal(sent, updated);
        var message = Assert.Single(t.Server.SentMessages); // edited, not a second notification
        Assert.Equal(1, message.Edits);
        Assert.EndsWith("Example News · 29 Nov 2026, 14:05 UTC · ceasefire · also: Reuters, AP & Co", message.Text);

        // Repeating the same edit is "not modified" at Telegram, which is success for us.
        Assert.Equal(sent, await t.Sender.UpdateAsync("42", sent.MessageId, Alert with { AlsoReportedBy = ["Reuters", "AP & Co"] }, default));
    }

    [Fact]
    public async Task An_alert_shows_its_buttons_and_keeps_them_through_an_also_edit()
    {
        await using var t = await TelegramHarness.StartAsync();
        var withButtons = Alert with { Buttons = [[new("🔕 Mute this story", "/mutestory 9"), new("⏸ Pause 1 h", "/pause 1h"), new("❓ Why?", "/why 9")]] };
        var sent = Assert.IsType<SendOutcome.Sent>(await t.Sender.SendAsync("42", withButtons, default));
        Assert.Equal(["/mutestory 9", "/pause 1h", "/why 9"], Assert.Single(t.Server.SentMessages).ButtonData);

        await t.Sender.UpdateAsync("42", sent.MessageId, withButtons with { AlsoReportedBy = ["Reuters"] }, default);

        var edited = Assert.Single(t.Server.SentMessages);
        Assert.Equal(1, edited.Edits);
        Assert.Equal(["/mutestory 9", "/pause 1h", "/why 9"], edited.ButtonData);
    }

    [Fact]
    public async Task An_edit_that_cannot_be_made_fails_only_the_edit()
    {
        await using var t = await TelegramHarness.StartAsync();
        Assert.Contains("message to edit not found", Assert.IsType<SendOutcome.Failed>(await t.Sender.UpdateAsync("42", "999", Alert, default)).Reason);
        Assert.IsType<SendOutcome.Failed>(await t.Sender.UpdateAsync("42", null, Alert, default));
        Assert.Empty(t.Server.SentMessages);
    }
}
