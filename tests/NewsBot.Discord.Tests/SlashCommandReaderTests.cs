using NewsBot.Core.Commands;
using NewsBot.Discord.Interactions;

namespace NewsBot.Discord.Tests;

/// <summary>Slash-command options become the same <see cref="ChatCommand"/> as the typed Telegram command, with no text in between.</summary>
public sealed class SlashCommandReaderTests
{
    private static DiscordInteraction Slash(string command, string sub, params string[] options) =>
        new("1600000000000000001", "1100000000000000001", "token", DiscordInteraction.ApplicationCommandType, command, sub,
            Enumerable.Range(0, options.Length / 2).ToDictionary(i => options[2 * i], i => options[2 * i + 1]),
            "1200000000000000001", "1300000000000000001", "1400000000000000001", DiscordPermissions.ManageChannels);

    [Theory]
    [InlineData("news", "add", "/add ceasefire gaza", "filter", "ceasefire gaza")]
    [InlineData("news", "add", "/add /pause/", "filter", "/pause/")]
    [InlineData("news", "add", "/add", "filter", "  ")]
    [InlineData("news", "list", "/list")]
    [InlineData("news", "remove", "/remove 2", "number", "2")]
    [InlineData("news", "remove", "/remove 0", "number", "0")]
    [InlineData("news", "pause", "/pause")]
    [InlineData("news", "resume", "/resume")]
    [InlineData("news", "test", "/test Ceasefire talks resume", "text", "Ceasefire talks resume")]
    [InlineData("news", "sources", "/sources")]
    [InlineData("news", "digest", "/digest daily 08:00,18:00", "mode", "daily", "time", "08:00,18:00")]
    [InlineData("news", "digest", "/digest hourly", "mode", "hourly")]
    [InlineData("news", "digest", "/digest daily 25:00", "mode", "daily", "time", "25:00")]
    [InlineData("news", "quiet", "/quiet 22:00-07:00", "hours", "22:00-07:00")]
    [InlineData("news", "timezone", "/timezone Europe/Berlni", "zone", "Europe/Berlni")]
    [InlineData("news", "limit", "/limit 5000", "per_hour", "5000")]
    [InlineData("news", "settings", "/digest")]
    [InlineData("newsadmin", "addsource", "/addsource https://example.com/rss.xml Example News", "url", "https://example.com/rss.xml", "name", "Example News")]
    [InlineData("newsadmin", "addsource", "/addsource ftp://example.com/rss.xml", "url", "ftp://example.com/rss.xml")]
    [InlineData("newsadmin", "addsource", "/addsource almayadeen.net", "url", "almayadeen.net")]
    [InlineData("newsadmin", "addsource", "/addsource page https://example.com/news Harbour", "url", "https://example.com/news", "name", "Harbour", "page", "true")]
    [InlineData("newsadmin", "addsource", "/addsource page https://example.com/news links:\"main h2 a\" Harbour",
        "url", "https://example.com/news", "name", "Harbour", "page", "true", "links", "main h2 a")]
    [InlineData("newsadmin", "addsource", "/addsource https://example.com/news links:.headline", "url", "https://example.com/news", "links", ".headline")]
    [InlineData("newsadmin", "addsource", "/addsource https://example.com/news", "url", "https://example.com/news", "page", "false")]
    [InlineData("newsadmin", "removesource", "/removesource 7", "id", "7")]
    [InlineData("newsadmin", "pausesource", "/pausesource 7", "id", "7")]
    [InlineData("newsadmin", "resumesource", "/resumesource 7", "id", "7")]
    [InlineData("newsadmin", "stats", "/stats")]
    public void Options_give_the_command_the_typed_text_gives(string command, string sub, string typed, params string[] options)
    {
        var fromOptions = SlashCommandReader.Read(Slash(command, sub, options));
        var fromText = ChatCommandParser.Parse(typed);

        // Malformed commands hold reply text, compared as each platform would show it.
        if (fromText is ChatCommand.Malformed malformed)
            Assert.Equal(CommandReplies.Malformed(malformed).Body, CommandReplies.Malformed(Assert.IsType<ChatCommand.Malformed>(fromOptions)).Body);
        else
            Assert.Equal(fromText, fromOptions);
    }

    [Fact]
    public void An_unknown_subcommand_reads_as_nothing() =>
        Assert.Null(SlashCommandReader.Read(Slash("news", "frobnicate")));
}
