using NewsBot.Core.Commands;
using NewsBot.Telegram.Intake;
using NewsBot.TestKit.Telegram;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Tests.Intake;

/// <summary>
/// One slow command must not stall other chats, and polling must still confirm an update only after
/// it and every update before it were handled.
/// </summary>
public class ConcurrentChatsTests
{
    /// <summary>An executor whose /add waits until the test lets it go, like a costly /add preview scan.</summary>
    private sealed class SlowAddExecutor : ICommandExecutor
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource AddStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> Order { get; } = [];

        public async Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct)
        {
            if (cmd is ChatCommand.Add)
            {
                AddStarted.TrySetResult();
                await Release.Task.WaitAsync(ct);
            }
            lock (Order) Order.Add($"{ctx.ChatId}:/{cmd.Name}");
            return new CommandReply($"ok: /{cmd.Name}");
        }
    }

    [Fact]
    public async Task A_slow_add_in_one_chat_does_not_delay_another_chats_list()
    {
        var executor = new SlowAddExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);

        var slow = t.Server.PushUpdate(FakeUpdates.Text(100, 100, "/add ceasefire"));
        await executor.AddStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        t.Server.PushUpdate(FakeUpdates.Text(200, 200, "/list"));

        // Old code: updates ran one at a time, so this waited for the /add (here: forever).
        await t.Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == 200), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(t.Server.SentMessages, m => m.ChatId == 100);

        // The /add is not confirmed while it runs: every poll asks for its id again.
        Assert.All(t.Server.CallsTo("getUpdates").Skip(1), c => Assert.Equal(slow.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Text("offset")));

        executor.Release.SetResult();
        await t.Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == 100));
        await t.Server.WaitUntilAsync(s => s.PendingUpdates == 0, TimeSpan.FromSeconds(20)); // both confirmed now
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task Commands_of_one_chat_run_in_the_order_they_were_sent()
    {
        var executor = new SlowAddExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);

        t.Server.PushUpdate(FakeUpdates.Text(100, 100, "/add ceasefire"));
        t.Server.PushUpdate(FakeUpdates.Text(100, 100, "/list"));
        t.Server.PushUpdate(FakeUpdates.Text(100, 100, "/pause"));
        await executor.AddStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        t.Server.PushUpdate(FakeUpdates.Text(200, 200, "/list"));
        await t.Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == 200), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(t.Server.SentMessages, m => m.ChatId == 100); // /list and /pause wait behind the /add

        executor.Release.SetResult();
        await t.Server.WaitUntilAsync(s => s.SentMessages.Count(m => m.ChatId == 100) == 3);
        lock (executor.Order)
            Assert.Equal(["100:/add", "100:/list", "100:/pause"], executor.Order.Where(o => o.StartsWith("100:", StringComparison.Ordinal)));
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task Stopping_while_a_command_runs_confirms_only_what_was_handled_so_a_restart_runs_the_rest_once()
    {
        var executor = new SlowAddExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        using (var stop = new CancellationTokenSource())
        {
            var loop = t.Polling.RunAsync(stop.Token);
            t.Server.PushUpdate(FakeUpdates.Text(100, 100, "/add ceasefire"));
            await executor.AddStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            t.Server.PushUpdate(FakeUpdates.Text(200, 200, "/list"));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == 200), TimeSpan.FromSeconds(20));
            await stop.CancelAsync();
            executor.Release.SetResult(); // the /add finishes within the grace and is confirmed with the /list
            await loop.WaitAsync(TimeSpan.FromSeconds(30));
        }
        Assert.Equal(0, t.Server.PendingUpdates);
        var restarted = new TelegramPolling(t.Bot, t.Dispatcher, t.Options, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TelegramPolling>.Instance);
        using (var stop = new CancellationTokenSource())
        {
            var loop = restarted.RunAsync(stop.Token);
            t.Server.PushUpdate(FakeUpdates.Text(300, 300, "/pause"));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == 300), TimeSpan.FromSeconds(20));
            await stop.CancelAsync();
            await loop;
        }
        lock (executor.Order)
            Assert.Equal(["200:/list", "100:/add", "300:/pause"], executor.Order);
    }

    [Fact]
    public async Task Lanes_run_one_chat_in_order_and_cap_how_much_may_wait()
    {
        var lanes = new ChatLanes(maxParallel: 2, maxWaitingPerChat: 2);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<int>();
        Assert.True(lanes.TryRun("a", async () => { await gate.Task; lock (order) order.Add(1); }, default, out var first));
        Assert.True(lanes.TryRun("a", () => { lock (order) order.Add(2); return Task.CompletedTask; }, default, out var second));
        Assert.False(lanes.TryRun("a", () => Task.CompletedTask, default, out _)); // the third waits nowhere: refused
        Assert.True(lanes.TryRun("b", () => { lock (order) order.Add(3); return Task.CompletedTask; }, default, out var other));
        Assert.True(await other.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(second.IsCompleted);
        gate.SetResult();
        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await first);
        Assert.Equal([3, 1, 2], order);
        Assert.Equal(0, lanes.BusyChats);
    }

    [Fact]
    public async Task Lanes_never_run_more_chats_at_once_than_allowed()
    {
        var lanes = new ChatLanes(maxParallel: 2, maxWaitingPerChat: 5);
        var running = 0;
        var peak = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var all = new List<Task<bool>>();
        for (var i = 0; i < 6; i++)
        {
            Assert.True(lanes.TryRun("chat" + i, async () =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await gate.Task;
                Interlocked.Decrement(ref running);
            }, default, out var ran));
            all.Add(ran);
        }
        // Not a wait for something to happen: a window in which a wrong implementation would start more.
        await Task.Delay(200);
        Assert.Equal(2, Volatile.Read(ref running));
        gate.SetResult();
        await Task.WhenAll(all).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    [Fact]
    public async Task A_webhook_update_from_another_chat_is_answered_while_a_slow_one_runs()
    {
        var executor = new SlowAddExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        var slow = t.Webhook.HandleAsync(Update(1, FakeUpdates.Text(100, 100, "/add ceasefire")), default);
        await executor.AddStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await t.Webhook.HandleAsync(Update(2, FakeUpdates.Text(200, 200, "/list")), default).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(slow.IsCompleted); // Telegram gets its 2xx for the /add only once it was handled
        executor.Release.SetResult();
        Assert.True(await slow.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_webhook_update_for_a_chat_whose_lane_is_full_is_refused_at_once_and_its_chat_catches_up_later()
    {
        var executor = new SlowAddExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        var lanes = new ChatLanes();
        var waiting = Enumerable.Range(1, lanes.MaxWaitingPerChat)
            .Select(i => t.Webhook.HandleAsync(Update(i, FakeUpdates.Text(100, 100, "/add ceasefire")), default)).ToList();
        await executor.AddStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The host answers false with 429, and Telegram delivers the update again later (Bot API: a webhook
        // request that fails is retried). Refused at once, not after the chat's queue drains.
        var refused = t.Webhook.HandleAsync(Update(lanes.MaxWaitingPerChat + 1, FakeUpdates.Text(100, 100, "/list")), default);
        Assert.False(await refused.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(await t.Webhook.HandleAsync(Update(500, FakeUpdates.Text(200, 200, "/list")), default).WaitAsync(TimeSpan.FromSeconds(20)));

        executor.Release.SetResult();
        Assert.All(await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(20)), Assert.True);
        Assert.True(await t.Webhook.HandleAsync(Update(lanes.MaxWaitingPerChat + 2, FakeUpdates.Text(100, 100, "/list")), default)
            .WaitAsync(TimeSpan.FromSeconds(20))); // the redelivered update is taken once the chat has room
    }

    private static Update Update(int id, System.Text.Json.Nodes.JsonObject body)
    {
        body["update_id"] = id;
        return System.Text.Json.JsonSerializer.Deserialize<Update>(body.ToJsonString(), global::Telegram.Bot.JsonBotAPI.Options)!;
    }
}
