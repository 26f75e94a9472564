using NewsBot.Core.Commands;
using NewsBot.Discord.Interactions;

namespace NewsBot.Discord.Tests;

/// <summary>Replies name Discord's own slash commands, with options, where Telegram's name text commands.</summary>
public sealed class DiscordCommandNamingTests
{
    private static readonly DiscordCommandNaming Naming = DiscordCommandNaming.Instance;

    [Theory]
    [InlineData("resume", new string[0], "/news resume")]
    [InlineData("digest", new[] { "daily", "08:00" }, "/news digest mode:daily time:08:00")]
    [InlineData("digest", new[] { "off" }, "/news digest mode:off")]
    [InlineData("timezone", new[] { "Europe/Berlin" }, "/news timezone zone:Europe/Berlin")]
    [InlineData("limit", new[] { "20" }, "/news limit per_hour:20")]
    [InlineData("add", new[] { "ceasefire gaza" }, "/news add filter:ceasefire gaza")]
    [InlineData("addsource", new[] { "https://example.com/rss.xml", "Example News" }, "/newsadmin addsource url:https://example.com/rss.xml name:Example News")]
    [InlineData("addsource", new[] { "page", "https://example.com/news" }, "/newsadmin addsource url:https://example.com/news page:True")]
    [InlineData("addsource", new[] { "page", "https://example.com/news", "links:\"h2 a\"" }, "/newsadmin addsource url:https://example.com/news page:True links:h2 a")]
    [InlineData("addwebhook", new string[0], "/newsadmin addwebhook")]
    [InlineData("stats", new string[0], "/newsadmin stats")]
    [InlineData("start", new string[0], "/start")] // Discord has no /start; the text form is all there is
    public void Mentions_name_the_slash_command_with_its_options(string name, string[] arguments, string expected) =>
        Assert.Equal(expected, Naming.Mention(CommandMention.Of(name, arguments)));

    [Theory]
    [InlineData("add", "/news add filter:<filter>")]
    [InlineData("remove", "/news remove number:<number>")]
    [InlineData("addsource", "/newsadmin addsource url:<url> [name:<name>] [page:True] [links:<links>]")]
    [InlineData("removesource", "/newsadmin removesource id:<id>")]
    [InlineData("digest", "/news digest mode:off|hourly|daily [time:HH:MM, several as 08:00,18:00]")]
    [InlineData("quiet", "/news quiet hours:HH:MM-HH:MM (or hours:off)")]
    public void Usage_lines_use_discords_option_syntax(string name, string expected) =>
        Assert.Equal(expected, Naming.Usage(name));

    [Fact]
    public void Help_on_discord_names_news_commands_with_options()
    {
        var help = CommandReplies.Help(new CommandContext("discord", "1", ChatKind.Group, "2", IsBotAdmin: true, IsChatAdmin: true)).Body.Render(Naming);

        Assert.Contains("\n/news add filter:<filter> - Add a filter\n", help);
        Assert.Contains("\n/news limit per_hour:<n> - ", help);
        Assert.Contains("\n/newsadmin addsource url:<url> [name:<name>] [page:True] [links:<links>] - Admin: add a news source\n", help);
        Assert.Contains("A page without a feed: /newsadmin addsource url:https://example.com/news page:True links:h2 a follows the links", help);
        Assert.Contains("\n/news add filter:/cease-?fire/ - a regular expression\n", help);
        Assert.Contains("Try a filter first with /news test text:<some headline>.", help);
        Assert.DoesNotContain("[@channel]", help);
    }

    [Fact]
    public void Help_on_discord_lists_the_coverage_term()
    {
        var help = CommandReplies.Help(new CommandContext("discord", "1", ChatKind.Group, "2", IsBotAdmin: false, IsChatAdmin: true)).Body.Render(Naming);

        Assert.Contains("\n/news add filter:ceasefire outlets:3 - only when 3 different outlets report the same story; the alert names them all\n", help);
    }
}
