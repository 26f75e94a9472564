using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Commands;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests.Intake;

/// <summary>What a stranger can send the bot: floods of commands, absurd sizes, forged button data.</summary>
public class HostileCommandTests
{
    [Fact]
    public async Task A_user_flooding_commands_gets_one_polite_reply_and_is_then_ignored_until_the_bucket_refills()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var executor = new RecordingExecutor();
        // Telegram's own flood limits are lifted here: this test is about ours, and 21 replies in a burst
        // to one chat would otherwise meet the fake's (faithful) 429s.
        var lifted = new FakeFloodLimits { ChatBurst = 1000, ChatPerSecond = 1000, GlobalBurst = 1000, GlobalPerSecond = 1000 };
        await using var t = await TelegramHarness.StartAsync(executor, server: new FakeBotApiOptions { Limits = lifted },
            limiter: new CommandRateLimiter(20, clock));
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);

        for (var i = 0; i < 60; i++) t.Server.PushUpdate(FakeUpdates.Text(42, 42, "/list"));
        await t.Server.WaitUntilAsync(s => s.PendingUpdates == 0 && s.SentMessages.Count >= 21, TimeSpan.FromSeconds(30));
        // Old code: all 60 ran and were answered.
        Assert.Equal(20, executor.Executed.Count);
        var replies = t.Server.SentMessages;
        Assert.Equal(21, replies.Count);
        Assert.Equal("You're sending commands too fast; try again in 3 s.", replies[^1].Text); // 20 a minute: one every 3 s

        // Another user is not affected.
        t.Server.PushUpdate(FakeUpdates.Text(43, 43, "/list"));
        await t.Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == 43));

        // After 3 s one more command is allowed, and a flood past it gets one reply again.
        clock.Advance(TimeSpan.FromSeconds(3));
        t.Server.PushUpdate(FakeUpdates.Text(42, 42, "/list"));
        t.Server.PushUpdate(FakeUpdates.Text(42, 42, "/list"));
        t.Server.PushUpdate(FakeUpdates.Text(42, 42, "/list"));
        await t.Server.WaitUntilAsync(s => s.PendingUpdates == 0 && s.SentMessages.Count(m => m.ChatId == 42) == 23, TimeSpan.FromSeconds(30));
        Assert.Equal(21, executor.Executed.Count(e => e.Context.UserId == "42"));
        await stop.CancelAsync();
        await loop;
        Assert.Equal(23, t.Server.SentMessages.Count(m => m.ChatId == 42));
    }

    [Fact]
    public async Task A_member_hammering_a_groups_alert_buttons_is_told_so_in_the_toast_never_in_the_group()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor, limiter: new CommandRateLimiter(2, clock));

        for (var i = 0; i < 4; i++) await t.Handler.HandleAsync(Update(FakeUpdates.Callback("why-" + i, -1001234, 5, "/why 9", "supergroup")), default);

        Assert.Equal(2, executor.Executed.Count);
        var answers = t.Server.CallsTo("answerCallbackQuery");
        Assert.Equal(4, answers.Count); // every press is answered, so no client spins
        Assert.StartsWith("You're sending commands too fast", answers[2].Text("text"));
        Assert.Null(answers[3].Text("text"));
        Assert.Empty(t.Server.SentMessages);
    }

    [Theory]
    [InlineData("/add ", "(", 100_000)]
    [InlineData("/add ", "-", 100_000)]
    [InlineData("/test ", "word ", 20_000)]
    [InlineData("/add ", "ceasefire ", 500)]
    public async Task Absurdly_long_commands_get_a_clear_reply_and_never_reach_the_executor(string head, string unit, int times)
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        var text = head + string.Concat(Enumerable.Repeat(unit, times));

        await t.Handler.HandleAsync(Update(FakeUpdates.Text(42, 42, text)), default);

        var reply = Assert.Single(t.Server.SentMessages).Text;
        Assert.Contains("characters long", reply);
        Assert.Contains("Usage:", reply);
        Assert.Empty(executor.Executed);
    }

    [Theory]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("remove 2")]
    [InlineData("/remove -1")]
    [InlineData("/remove 99999999999999999999")]
    [InlineData("/nosuchcommand")]
    [InlineData("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((")]
    public async Task Garbage_button_data_is_answered_and_runs_nothing(string data)
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);

        await t.Handler.HandleAsync(Update(FakeUpdates.Callback("cb-1", 42, 42, data)), default);

        Assert.Single(t.Server.CallsTo("answerCallbackQuery")); // the client's progress bar is cleared
        Assert.Empty(executor.Executed);
    }

    private static global::Telegram.Bot.Types.Update Update(System.Text.Json.Nodes.JsonObject body)
    {
        body["update_id"] = 1;
        return System.Text.Json.JsonSerializer.Deserialize<global::Telegram.Bot.Types.Update>(body.ToJsonString(), global::Telegram.Bot.JsonBotAPI.Options)!;
    }
}
