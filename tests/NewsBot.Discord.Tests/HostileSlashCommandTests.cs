using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Commands;
using NewsBot.Discord.Interactions;

namespace NewsBot.Discord.Tests;

/// <summary>Slash commands from strangers: floods, absurd option values, a slow command in one channel.</summary>
public sealed class HostileSlashCommandTests
{
    private const string ChannelA = "1300000000000000001";
    private const string ChannelB = "1300000000000000002";
    private const string User = "1400000000000000001";

    /// <summary>Stands in for the host's executor; /add waits for the test when asked to, like a costly preview scan.</summary>
    private sealed class Executor : ICommandExecutor
    {
        public TaskCompletionSource? HoldAdd { get; init; }
        public TaskCompletionSource AddStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> Done { get; } = [];

        public async Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct)
        {
            if (cmd is ChatCommand.Add && HoldAdd is { } hold)
            {
                AddStarted.TrySetResult();
                await hold.Task.WaitAsync(ct);
            }
            lock (Done) Done.Add($"{ctx.ChatId}:{cmd.Name}");
            return new CommandReply($"ok: {CommandMention.Of(cmd.Name)}");
        }
    }

    private static DiscordInteraction Slash(string sub, string channel, string user = User, params (string Name, string Value)[] options) =>
        new("1600000000000000001", "1100000000000000001", "token", DiscordInteraction.ApplicationCommandType, "news", sub,
            options.ToDictionary(o => o.Name, o => o.Value), "1200000000000000001", channel, user, DiscordPermissions.ManageChannels);

    [Fact]
    public async Task Commands_in_one_channel_run_in_order_while_other_channels_go_ahead()
    {
        var executor = new Executor { HoldAdd = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        var bridge = new DiscordCommandBridge(executor, new DiscordOptions(), lanes: new ChatLanes());

        var add = bridge.HandleAsync(Slash("add", ChannelA, options: ("filter", "ceasefire")), default);
        await executor.AddStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var listA = bridge.HandleAsync(Slash("list", ChannelA), default);
        var listB = await bridge.HandleAsync(Slash("list", ChannelB), default).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("ok: /news list", listB.Content);
        // Old code: interactions ran side by side even in one channel, so this /list overtook the /add.
        Assert.False(listA.IsCompleted);
        executor.HoldAdd.SetResult();
        await Task.WhenAll(add, listA).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([$"{ChannelB}:list", $"{ChannelA}:add", $"{ChannelA}:list"], executor.Done);
    }

    [Fact]
    public async Task A_user_over_the_rate_limit_is_told_to_slow_down_and_nothing_runs()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var executor = new Executor();
        var bridge = new DiscordCommandBridge(executor, new DiscordOptions(), limiter: new CommandRateLimiter(20, clock));

        for (var i = 0; i < 20; i++) Assert.Equal("ok: /news list", (await bridge.HandleAsync(Slash("list", ChannelA), default)).Content);
        // Discord wants an answer to every interaction, so each one over the limit gets the same short one.
        Assert.Equal("You're sending commands too fast; try again in 3 s.", (await bridge.HandleAsync(Slash("list", ChannelA), default)).Content);
        Assert.StartsWith("You're sending commands too fast", (await bridge.HandleAsync(Slash("list", ChannelB), default)).Content);
        Assert.Equal(20, executor.Done.Count);

        Assert.Equal("ok: /news list", (await bridge.HandleAsync(Slash("list", ChannelA, user: "1400000000000000002"), default)).Content);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("ok: /news list", (await bridge.HandleAsync(Slash("list", ChannelA), default)).Content);
    }

    [Fact]
    public async Task A_users_filter_in_a_reply_is_never_rewritten()
    {
        var bridge = new DiscordCommandBridge(new EchoFilterExecutor(), new DiscordOptions());

        var reply = await bridge.HandleAsync(Slash("add", ChannelA, options: ("filter", "/pause/ OR /list")), default);

        // Old code rewrote the reply text and answered "Added filter 1: /news pause/ OR /news list".
        Assert.Equal("Added filter 1: /pause/ OR /list", reply.Content);
    }

    /// <summary>Answers /add as the host does, echoing the filter.</summary>
    private sealed class EchoFilterExecutor : ICommandExecutor
    {
        public Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct) =>
            Task.FromResult(new CommandReply("Added filter 1: " + ((ChatCommand.Add)cmd).Filter));
    }

    [Theory]
    [InlineData("add", "filter")]
    [InlineData("test", "text")]
    public async Task An_absurdly_long_option_value_gets_a_clear_reply_and_never_reaches_the_executor(string sub, string option)
    {
        var executor = new Executor();
        var bridge = new DiscordCommandBridge(executor, new DiscordOptions());

        var reply = await bridge.HandleAsync(Slash(sub, ChannelA, options: (option, new string('(', 1_000_000))), default);

        Assert.Contains("characters long", reply.Content);
        Assert.Empty(executor.Done);
    }
}
