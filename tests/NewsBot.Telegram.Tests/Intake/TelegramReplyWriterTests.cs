using NewsBot.Core.Commands;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests.Intake;

/// <summary>Structured replies as Telegram shows them: commands typed as text, a user's words as they were.</summary>
public class TelegramReplyWriterTests
{
    private static async Task<FakeSentMessage> SayAsync(TelegramHarness t, string text)
    {
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);
        try
        {
            t.Server.PushUpdate(FakeUpdates.Text(42, 42, text, "private"));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Count > 0);
            return t.Server.SentMessages[^1];
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }

    [Fact]
    public async Task Mentions_are_sent_as_text_commands_and_the_users_filter_untouched()
    {
        var executor = new RecordingExecutor
        {
            Reply = (_, cmd) => new CommandReply(
                $"Added filter 1: {((ChatCommand.Add)cmd).Filter}. Send {CommandMention.Of("digest", "daily", "08:00")} for one message a day."),
        };
        await using var t = await TelegramHarness.StartAsync(executor);

        var reply = await SayAsync(t, "/add /pause/");

        Assert.Equal("Added filter 1: /pause/. Send /digest daily 08:00 for one message a day.", reply.Text);
    }

    [Fact]
    public async Task A_malformed_command_gets_the_problem_and_telegrams_usage_line()
    {
        await using var t = await TelegramHarness.StartAsync(new RecordingExecutor());

        var reply = await SayAsync(t, "/remove x");

        Assert.Equal("/remove: 'x' is not a filter number; /list shows the numbers.\nUsage: /remove <number> [@channel]", reply.Text);
    }
}
