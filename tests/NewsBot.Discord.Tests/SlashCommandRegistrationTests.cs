using System.Text.Json;
using NewsBot.Discord.Interactions;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>Registering /news and /newsadmin by bulk overwrite (interactions/application-commands.mdx).</summary>
public sealed class SlashCommandRegistrationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(null, "global")]
    [InlineData("1200000000000000001", "1200000000000000001")]
    public async Task Commands_are_accepted_globally_or_per_guild(string? guildId, string scope)
    {
        await using var rig = await DiscordRig.StartAsync(output);

        await rig.Rest.BulkOverwriteCommandsAsync(rig.Server.Options.ApplicationId, guildId, NewsSlashCommands.All, CancellationToken.None);

        var commands = rig.Server.Commands[scope];
        Assert.Equal(["news", "newsadmin"], commands.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task News_has_the_user_subcommands_and_newsadmin_is_hidden_behind_manage_server()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        await rig.Rest.BulkOverwriteCommandsAsync(rig.Server.Options.ApplicationId, null, NewsSlashCommands.All, CancellationToken.None);
        var commands = rig.Server.Commands["global"].EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);

        Assert.Equal(["add", "list", "remove", "follow", "following", "unfollow", "pause", "resume", "test", "sources", "digest", "quiet", "timezone", "limit", "settings"],
            SubcommandNames(commands["news"]));
        Assert.Equal(["addsource", "removesource", "pausesource", "resumesource", "stats", "addwebhook"], SubcommandNames(commands["newsadmin"]));
        Assert.Equal("32", commands["newsadmin"].GetProperty("default_member_permissions").GetString());
        Assert.False(commands["news"].TryGetProperty("default_member_permissions", out _));
        var add = commands["news"].GetProperty("options")[0].GetProperty("options")[0];
        Assert.Equal(("filter", 3, true), (add.GetProperty("name").GetString(), add.GetProperty("type").GetInt32(), add.GetProperty("required").GetBoolean()));
        var remove = commands["news"].GetProperty("options")[2].GetProperty("options")[0];
        Assert.Equal(("number", 4), (remove.GetProperty("name").GetString(), remove.GetProperty("type").GetInt32()));
    }

    [Fact]
    public async Task Configured_guilds_each_get_the_commands_and_no_global_ones()
    {
        await using var rig = await DiscordRig.StartAsync(output);

        await NewsSlashCommands.RegisterAsync(rig.Rest, rig.Server.Options.ApplicationId, ["1200000000000000001", "1200000000000000002"], CancellationToken.None);

        Assert.Equal(["1200000000000000001", "1200000000000000002"], rig.Server.Commands.Keys.Order());
    }

    [Fact]
    public async Task Wrong_application_id_is_refused_with_missing_access()
    {
        await using var rig = await DiscordRig.StartAsync(output);

        var error = await Assert.ThrowsAsync<Rest.DiscordApiException>(() =>
            rig.Rest.BulkOverwriteCommandsAsync("1999999999999999999", null, NewsSlashCommands.All, CancellationToken.None));

        Assert.Equal(Rest.DiscordErrorCodes.MissingAccess, error.Code);
    }

    private static IEnumerable<string?> SubcommandNames(JsonElement command) =>
        command.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString());
}
