using System.Text.Json;
using NewsBot.Discord.Interactions;

namespace NewsBot.Discord.Tests;

/// <summary>Reading INTERACTION_CREATE payloads (interactions/receiving-and-responding.mdx "Interaction Object").</summary>
public sealed class InteractionParserTests
{
    private static DiscordInteraction Parse(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine("testdata", "interactions", file)));
        return InteractionParser.Parse(doc.RootElement);
    }

    [Theory]
    [InlineData("guild-news-add.json", "news", "add", "1400000000000000001", "1200000000000000001", true)]
    [InlineData("guild-member-without-manage-channels.json", "news", "remove", "1400000000000000002", "1200000000000000001", false)]
    [InlineData("dm-news-list.json", "news", "list", "1400000000000000003", null, false)]
    [InlineData("admin-addsource.json", "newsadmin", "addsource", "1400000000000000004", "1200000000000000001", true)] // ADMINISTRATOR implies all
    public void Command_user_scope_and_permission_are_read(string file, string command, string subcommand, string userId, string? guildId, bool canManage)
    {
        var interaction = Parse(file);

        Assert.Equal(command, interaction.CommandName);
        Assert.Equal(subcommand, interaction.SubcommandName);
        Assert.Equal(userId, interaction.UserId);
        Assert.Equal(guildId, interaction.GuildId);
        Assert.Equal(guildId is null, interaction.IsDirectMessage);
        Assert.Equal(canManage, interaction.CanManageChannel);
        Assert.Equal(DiscordInteraction.ApplicationCommandType, interaction.Type);
    }

    [Fact]
    public void Options_are_read_as_text()
    {
        Assert.Equal("climate AND (policy OR summit)", Parse("guild-news-add.json").Option("filter"));
        Assert.Equal("2", Parse("guild-member-without-manage-channels.json").Option("number"));
        var admin = Parse("admin-addsource.json");
        Assert.Equal("https://news.example/feed.xml", admin.Option("url"));
        Assert.Equal("Example News", admin.Option("name"));
        Assert.Null(admin.Option("missing"));
    }

    [Fact]
    public void An_addsource_page_with_its_boolean_and_selector_reads_as_a_page_source_of_the_site()
    {
        var command = SlashCommandReader.Read(Parse("admin-addsource-page.json"));

        Assert.Equal(new Core.Commands.ChatCommand.AddSource(new Uri("https://news.example/board"), null, Page: true, LinkSelector: "ul.notices > li a"), command);
    }

    [Fact]
    public void Permission_bitset_string_becomes_a_number()
    {
        Assert.Equal(2147483647UL, Parse("guild-news-add.json").MemberPermissions);
        Assert.Null(Parse("dm-news-list.json").MemberPermissions);
    }

    [Theory]
    [InlineData("no-token.json", "Discord interaction 1600000000000000005: no token")]
    [InlineData("bad-permissions.json", "Discord interaction 1600000000000000006: permissions 'lots' is not a number")]
    public void Unreadable_payload_names_the_interaction_and_the_cause(string file, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => Parse(file)).Message);

    [Fact]
    public void Description_of_an_interaction_leaves_out_its_token()
    {
        var interaction = Parse("guild-news-add.json");

        Assert.DoesNotContain(interaction.Token, interaction.ToString());
        Assert.DoesNotContain(interaction.Token, (interaction with { }).ToString());
    }

    [Fact]
    public void Autocomplete_names_the_option_being_typed()
    {
        var interaction = Parse("autocomplete-timezone.json");

        Assert.Equal(DiscordInteraction.AutocompleteType, interaction.Type);
        Assert.Equal(("timezone", "zone", "berl"), (interaction.SubcommandName, interaction.FocusedOption, interaction.Option("zone")));
    }
}
