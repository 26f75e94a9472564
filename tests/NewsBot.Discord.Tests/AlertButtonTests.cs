using System.Text.Json;
using NewsBot.Core.Alerts;
using NewsBot.Core.Commands;
using NewsBot.Discord.Interactions;
using NewsBot.Discord.Rendering;

namespace NewsBot.Discord.Tests;

/// <summary>
/// The one-tap controls under an alert on Discord: an action row of buttons whose custom_id is the command text
/// (components/reference.mdx), and a press (MESSAGE_COMPONENT, type 3) run like the typed command with the same rights.
/// </summary>
public sealed class AlertButtonTests
{
    private static readonly AlertContent Alert = new("Storm closes ports", "Ports closed.", "Wire", null, "https://news.example/storm", ["storm"])
    {
        Buttons = [[new ReplyButton("🔕 Mute this story", "/mutestory 42"), new ReplyButton("⏸ Pause 1 h", "/pause 1h"), new ReplyButton("❓ Why?", "/why 42")]],
    };

    private sealed class RecordingExecutor : ICommandExecutor
    {
        public List<(CommandContext Context, ChatCommand Command)> Seen { get; } = [];

        public Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct)
        {
            Seen.Add((ctx, cmd));
            return Task.FromResult(new CommandReply($"ok: /{cmd.Name}"));
        }
    }

    private static DiscordInteraction Press(string customId, ulong permissions) =>
        new("1600000000000000001", "1100000000000000001", "token", DiscordInteraction.MessageComponentType, null, null,
            new Dictionary<string, string>(), "1200000000000000001", "1300000000000000001", "1400000000000000001", permissions)
        {
            CustomId = customId,
        };

    [Fact]
    public void The_bots_alert_carries_one_row_of_buttons_whose_ids_are_the_commands()
    {
        var json = JsonSerializer.SerializeToElement(AlertEmbedRenderer.RenderWithButtons(Alert), DiscordJson.Options);

        var row = Assert.Single(json.GetProperty("components").EnumerateArray());
        Assert.Equal(1, row.GetProperty("type").GetInt32());
        var buttons = row.GetProperty("components").EnumerateArray().ToList();
        Assert.All(buttons, b => Assert.Equal((2, 2), (b.GetProperty("type").GetInt32(), b.GetProperty("style").GetInt32())));
        Assert.Equal(["/mutestory 42", "/pause 1h", "/why 42"], buttons.Select(b => b.GetProperty("custom_id").GetString()));
        Assert.Equal("🔕 Mute this story", buttons[0].GetProperty("label").GetString());
    }

    [Fact]
    public void A_webhook_post_has_no_buttons_since_only_the_apps_own_messages_can()
    {
        var json = JsonSerializer.SerializeToElement(AlertEmbedRenderer.Render(Alert), DiscordJson.Options);
        Assert.False(json.TryGetProperty("components", out _));
    }

    [Fact]
    public void A_press_is_read_with_its_custom_id_and_the_members_permissions()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine("testdata", "interactions", "guild-button-press.json")));
        var press = InteractionParser.Parse(doc.RootElement);

        Assert.Equal(DiscordInteraction.MessageComponentType, press.Type);
        Assert.Equal("/mutestory 42", press.CustomId);
        Assert.Equal("1400000000000000002", press.UserId);
        Assert.False(press.CanManageChannel);
    }

    [Fact]
    public async Task A_members_press_on_mute_is_refused_without_manage_channels_and_why_is_open_to_all()
    {
        var executor = new RecordingExecutor();
        var bridge = new DiscordCommandBridge(executor, new DiscordOptions());

        var refused = await bridge.HandleAsync(Press("/mutestory 42", 1UL << 10), CancellationToken.None);
        var why = await bridge.HandleAsync(Press("/why 42", 1UL << 10), CancellationToken.None);
        var muted = await bridge.HandleAsync(Press("/mutestory 42", DiscordPermissions.ManageChannels), CancellationToken.None);

        Assert.Contains("Only this group's administrators can use /mutestory here", refused.Content, StringComparison.Ordinal);
        Assert.True(refused.Ephemeral);
        Assert.Equal("ok: /why", why.Content);
        Assert.Equal("ok: /mutestory", muted.Content);
        Assert.Equal([new ChatCommand.Why(42), new ChatCommand.MuteStory(42)], executor.Seen.Select(s => s.Command));
        Assert.Equal("1300000000000000001", executor.Seen[0].Context.ChatId);
    }

    [Fact]
    public async Task A_button_nobody_knows_changes_nothing_and_says_so()
    {
        var executor = new RecordingExecutor();
        var reply = await new DiscordCommandBridge(executor, new DiscordOptions()).HandleAsync(Press("garbage", DiscordPermissions.Administrator), CancellationToken.None);
        Assert.Contains("no longer understood", reply.Content, StringComparison.Ordinal);
        Assert.Empty(executor.Seen);
    }
}
