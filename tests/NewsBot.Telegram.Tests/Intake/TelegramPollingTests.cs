using System.Net.Http.Json;
using NewsBot.Core.Commands;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests.Intake;

public class TelegramPollingTests
{
    [Fact]
    public async Task Conflict_409_backs_off_longer_each_time_and_never_spins()
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.WebhookActive = true; // getUpdates answers 409 while a webhook is set
        var delays = new DelayRecorder();
        t.Polling.Delay = delays.Delay;
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);

        var seen = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            seen.Add(await delays.NextAsync());
            Assert.Equal(i + 1, t.Server.CallsTo("getUpdates").Count); // one request per wait, no tight loop
            Assert.All(t.Server.CallsTo("getUpdates"), c => Assert.Equal(409, c.Status));
            delays.Release();
        }
        Assert.InRange(seen[0], TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5));
        Assert.InRange(seen[1], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.InRange(seen[2], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        // Once the webhook is gone, updates flow again.
        await delays.NextAsync();
        t.Server.WebhookActive = false;
        t.Server.PushUpdate(FakeUpdates.Text(42, 5, "/help"));
        delays.Release();
        await t.Server.WaitUntilAsync(s => s.SentMessages.Count == 1);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task A_second_poller_ends_ours_with_409_and_we_back_off()
    {
        await using var t = await TelegramHarness.StartAsync();
        var delays = new DelayRecorder();
        t.Polling.Delay = delays.Delay;
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);
        await t.Server.WaitUntilAsync(s => s.CallsTo("getUpdates").Any(c => c.Status == 0)); // our long poll is held

        using var other = new HttpClient();
        var otherPoll = other.PostAsJsonAsync($"{t.Server.BaseUrl}/bot{t.Server.Token}/getUpdates", new { timeout = 1 });
        Assert.InRange(await delays.NextAsync(), TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5));
        Assert.Equal(409, t.Server.CallsTo("getUpdates")[0].Status);
        Assert.Contains("\"ok\":true", await (await otherPoll).Content.ReadAsStringAsync()); // the newer poller is served
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task Server_errors_back_off_exponentially_and_reset_after_success()
    {
        await using var t = await TelegramHarness.StartAsync();
        t.Server.FailNext("getUpdates", 502, "Bad Gateway", times: 3);
        var delays = new DelayRecorder();
        t.Polling.Delay = delays.Delay;
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);

        var first = await delays.NextAsync(); delays.Release();
        var second = await delays.NextAsync(); delays.Release();
        var third = await delays.NextAsync(); delays.Release();
        Assert.InRange(first, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(second, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(third, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));

        t.Server.PushUpdate(FakeUpdates.Text(42, 5, "/help"));
        await t.Server.WaitUntilAsync(s => s.SentMessages.Count == 1);
        t.Server.FailNext("getUpdates", 500, "Internal Server Error");
        Assert.InRange(await delays.NextAsync(), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)); // reset after success
        delays.Release();
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task Empty_answers_that_come_at_once_are_not_polled_in_a_tight_loop()
    {
        await using var t = await TelegramHarness.StartAsync(configure: o => o.PollTimeoutSeconds = 0); // server answers [] at once
        var delays = new DelayRecorder();
        t.Polling.Delay = delays.Delay;
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);
        Assert.Equal(TimeSpan.FromSeconds(1), await delays.NextAsync());
        var polls = t.Server.CallsTo("getUpdates").Count;
        delays.Release();
        Assert.Equal(TimeSpan.FromSeconds(1), await delays.NextAsync());
        Assert.Equal(polls + 1, t.Server.CallsTo("getUpdates").Count); // one poll per second at most
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task A_failing_update_is_logged_and_the_next_one_is_still_handled()
    {
        var executor = new RecordingExecutor { Throws = cmd => cmd is ChatCommand.Add };
        await using var t = await TelegramHarness.StartAsync(executor);
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);

        t.Server.PushUpdate(FakeUpdates.Text(42, 5, "/add ceasefire"));
        var last = t.Server.PushUpdate(FakeUpdates.Text(42, 5, "/list"));
        await t.Server.WaitUntilAsync(s => s.SentMessages.Count == 2);
        Assert.Contains("Something went wrong while handling /add", t.Server.SentMessages[0].Text);
        Assert.Equal("ok: /list", t.Server.SentMessages[1].Text);

        // Both updates are confirmed: the next getUpdates asks for offset last+1, so nothing repeats.
        await t.Server.WaitUntilAsync(s => s.CallsTo("getUpdates").Any(c => c.Text("offset") == (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, t.Server.PendingUpdates);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task Stopping_ends_a_held_long_poll_promptly()
    {
        await using var t = await TelegramHarness.StartAsync(configure: o => o.PollTimeoutSeconds = 50);
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);
        await t.Server.WaitUntilAsync(s => s.CallsTo("getUpdates").Any(c => c.Status == 0));
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

public class TelegramPollingRestartTests
{
    [Fact]
    public async Task A_restart_does_not_run_the_last_handled_command_again()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        using (var stop = new CancellationTokenSource())
        {
            var loop = t.Polling.RunAsync(stop.Token);
            t.Server.PushUpdate(FakeUpdates.Text(42, 42, "/remove 2"));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Count == 1);
            await stop.CancelAsync(); // stop right after the reply, before the next poll confirms it
            await loop;
        }

        var restarted = new NewsBot.Telegram.Intake.TelegramPolling(t.Bot, t.Dispatcher, t.Options, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<NewsBot.Telegram.Intake.TelegramPolling>.Instance);
        using (var stop = new CancellationTokenSource())
        {
            var loop = restarted.RunAsync(stop.Token);
            t.Server.PushUpdate(FakeUpdates.Text(42, 42, "/list"));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Count == 2);
            await stop.CancelAsync();
            await loop;
        }
        Assert.Equal([typeof(ChatCommand.Remove), typeof(ChatCommand.List)], executor.Executed.Select(e => e.Command.GetType()));
    }
}
