using NewsBot.Core.Commands;
using NewsBot.Core.Delivery;
using NewsBot.Discord.Interactions;
using NewsBot.TestKit.Discord;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>/news digest, quiet, timezone, limit and settings: the same commands and messages as Telegram's /digest etc.</summary>
public sealed class DeliverySlashCommandTests(ITestOutputHelper output)
{
    private const string Channel = "1300000000000000001";

    /// <summary>Stands in for the host's executor: records what reached it and answers like the host.</summary>
    private sealed class RecordingExecutor : ICommandExecutor
    {
        public List<ChatCommand> Seen { get; } = [];

        public Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct)
        {
            Seen.Add(cmd);
            var change = ((ChatCommand.SetDelivery)cmd).Change;
            var reply = change is DeliveryChange.Show
                ? new CommandReply(DeliveryDescription.Describe(DeliveryPreferences.Default, DeliveryPreferences.DefaultHourlyLimit))
                : new CommandReply(DeliveryDescription.Confirm(change, change.ApplyTo(DeliveryPreferences.Default), DeliveryPreferences.DefaultHourlyLimit));
            return Task.FromResult(reply);
        }
    }

    private static DiscordInteraction Slash(string sub, params (string Name, string Value)[] options) =>
        new("1600000000000000001", "1100000000000000001", "token", DiscordInteraction.ApplicationCommandType, "news", sub,
            options.ToDictionary(o => o.Name, o => o.Value), "1200000000000000001", Channel, "1400000000000000001", DiscordPermissions.ManageChannels);

    private static async Task<(string Reply, RecordingExecutor Executor)> RunAsync(DiscordInteraction interaction)
    {
        var executor = new RecordingExecutor();
        var reply = await new DiscordCommandBridge(executor, new DiscordOptions()).HandleAsync(interaction, CancellationToken.None);
        return (reply.Content, executor);
    }

    [Theory]
    [InlineData("digest", "mode", "hourly", null, null, "Alerts now arrive as one digest at the top of every hour.")]
    [InlineData("digest", "mode", "daily", "time", "08:00,18:00", "daily at 08:00 and 18:00")]
    [InlineData("digest", "mode", "off", null, null, "Digests off")]
    [InlineData("quiet", "hours", "22:00-07:00", null, null, "Quiet from 22:00 to 07:00")]
    [InlineData("quiet", "hours", "off", null, null, "Quiet hours off.")]
    [InlineData("timezone", "zone", "Europe/Berlin", null, null, "Time zone set to Europe/Berlin.")]
    [InlineData("limit", "per_hour", "5", null, null, "At most 5 alerts an hour")]
    public async Task Settings_reach_the_executor_as_the_shared_delivery_command(string sub, string option, string value, string? option2, string? value2, string expected)
    {
        var options = option2 is null ? new[] { (option, value) } : [(option, value), (option2, value2!)];

        var (reply, executor) = await RunAsync(Slash(sub, options));

        Assert.Contains(expected, reply);
        Assert.IsType<ChatCommand.SetDelivery>(Assert.Single(executor.Seen));
    }

    [Fact]
    public async Task Settings_shows_the_current_delivery_without_changing_it()
    {
        var (reply, executor) = await RunAsync(Slash("settings"));

        Assert.Equal(new DeliveryChange.Show(), ((ChatCommand.SetDelivery)Assert.Single(executor.Seen)).Change);
        Assert.Contains("Alerts sent as they arrive; no quiet hours; at most 20 alerts an hour (default); time zone UTC", reply);
    }

    [Theory]
    [InlineData("digest", "daily", "25:00", "/news digest: '25:00' is not a time of day like 08:00 or 18:30.", "Usage: /news digest mode:off|hourly|daily")]
    [InlineData("digest", "hourly", "08:00", "/news digest mode:hourly takes nothing after it, not '08:00'", "Usage: /news digest mode:")]
    [InlineData("digest", "daily", null, "e.g. /news digest mode:daily time:08:00", "Usage: /news digest")]
    [InlineData("quiet", "22:00", null, "/news quiet: '22:00' is not a start and end; quiet hours look like 22:00-07:00 (or /news quiet hours:off)", "Usage: /news quiet hours:")]
    [InlineData("timezone", "Europe/Berlni", null, "'Europe/Berlni' is not a time zone I know; did you mean Europe/Berlin?", "Usage: /news timezone zone:")]
    [InlineData("timezone", "+02:00", null, "is a fixed offset, which does not follow daylight saving", "Usage: /news timezone zone:")]
    [InlineData("limit", "5000", null, "5000 is over the most allowed, 1000 alerts an hour", "Usage: /news limit per_hour:")]
    public async Task Bad_settings_get_telegrams_explanation_with_discords_usage(string sub, string value, string? time, string problem, string usage)
    {
        var option = sub switch { "digest" => "mode", "quiet" => "hours", "timezone" => "zone", _ => "per_hour" };
        var options = time is null ? new[] { (option, value) } : [(option, value), ("time", time)];

        var (reply, executor) = await RunAsync(Slash(sub, options));

        Assert.Contains(problem, reply);
        Assert.Contains(usage, reply);
        Assert.Empty(executor.Seen);
    }

    [Fact]
    public async Task Members_without_manage_channels_cannot_change_a_channels_delivery_but_can_see_it()
    {
        var member = Slash("limit", ("per_hour", "3")) with { MemberPermissions = 0 };
        var (refused, executor) = await RunAsync(member);
        Assert.Contains("Only this group's administrators can use /news limit here", refused);
        Assert.Empty(executor.Seen);

        var (shown, _) = await RunAsync(Slash("settings") with { MemberPermissions = 0 });
        Assert.Contains("at most 20 alerts an hour", shown);
    }

    [Fact]
    public async Task Time_zone_autocomplete_offers_matching_zones_within_discords_limits()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway((_, _) => throw new InvalidOperationException("autocomplete must not run a command"));
        await rig.ReadyAsync();

        var berlin = await rig.Server.Gateway.PushInteractionAsync(
            new FakeInteraction("news", "timezone", new Dictionary<string, object> { ["zone"] = "berl" }) { Focused = "zone" });
        var callback = await berlin.Callback.WaitAsync(TimeSpan.FromSeconds(10));
        var nothingTyped = await rig.Server.Gateway.PushInteractionAsync(
            new FakeInteraction("news", "timezone", new Dictionary<string, object> { ["zone"] = "" }) { Focused = "zone" });
        var popular = (await nothingTyped.Callback.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("data").GetProperty("choices");

        Assert.Equal(8, callback.GetProperty("type").GetInt32());
        var first = callback.GetProperty("data").GetProperty("choices")[0];
        Assert.Equal(("Europe/Berlin", "Europe/Berlin"), (first.GetProperty("name").GetString(), first.GetProperty("value").GetString()));
        Assert.InRange(popular.GetArrayLength(), 10, 25);
        Assert.Contains(popular.EnumerateArray(), c => c.GetProperty("value").GetString() == "America/New_York");
    }

    [Theory]
    [InlineData("new", 2)]
    [InlineData("america/", 25)]
    [InlineData("kolk", 1)]
    [InlineData("zzzz", 0)]
    public void Zone_suggestions_never_exceed_25(string typed, int atLeast)
    {
        var choices = NewsSlashCommands.Autocomplete(Slash("timezone", ("zone", typed)) with { Type = DiscordInteraction.AutocompleteType, FocusedOption = "zone" });

        Assert.InRange(choices.Count, atLeast, CommandLimits.Choices);
        Assert.All(choices, c => Assert.True(TimeZoneLookup.TryFind(c.Value, out _, out _), c.Value));
    }
}
