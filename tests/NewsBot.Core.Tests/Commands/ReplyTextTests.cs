using System.Globalization;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Tests.Commands;

public class ReplyTextTests
{
    /// <summary>A platform that spells every command in capitals, to see which parts a platform may change.</summary>
    private sealed class ShoutingNaming : ICommandNaming
    {
        public string Mention(CommandMention mention) => TextCommandNaming.Instance.Mention(mention).ToUpperInvariant();

        public string Usage(string commandName) => "USAGE OF " + commandName.ToUpperInvariant();
    }

    [Fact]
    public void Mentions_in_an_interpolated_reply_become_command_parts_and_the_rest_stays_words()
    {
        var text = ReplyText.Of($"Alerts are paused. Send {CommandMention.Of("resume")} to start them again.");

        Assert.Equal(
            [new ReplyPart.Words("Alerts are paused. Send "), new ReplyPart.Command(CommandMention.Of("resume")), new ReplyPart.Words(" to start them again.")],
            text.Parts);
    }

    [Fact]
    public void A_platform_renders_only_the_mentions_and_never_a_users_words()
    {
        var filter = "/pause/ OR /resume";
        var text = ReplyText.Of($"Added filter 1: {filter} - send {CommandMention.Of("pause")} to pause.\nUsage: {ReplyText.UsageOf("add")}");

        Assert.Equal("Added filter 1: /pause/ OR /resume - send /PAUSE to pause.\nUsage: USAGE OF ADD", text.Render(new ShoutingNaming()));
    }

    [Theory]
    [InlineData("resume", new string[0], "/resume")]
    [InlineData("digest", new[] { "daily", "08:00" }, "/digest daily 08:00")]
    [InlineData("add", new[] { "@news", "<filter>" }, "/add @news <filter>")]
    public void Text_commands_are_spelled_as_typed(string name, string[] arguments, string expected) =>
        Assert.Equal(expected, TextCommandNaming.Instance.Mention(CommandMention.Of(name, arguments)));

    [Fact]
    public void Text_usage_lines_come_from_the_catalog() =>
        Assert.Equal("Usage: /remove <number> [@channel]", ReplyText.Of($"Usage: {ReplyText.UsageOf("remove")}").ToString());

    [Fact]
    public void Numbers_are_written_the_same_whatever_the_servers_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("1,000,000 characters", ReplyText.Of($"{1_000_000:N0} characters").ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Replies_spliced_into_replies_keep_their_mentions()
    {
        var inner = ReplyText.Of($"see {CommandMention.Of("list")}");
        var outer = ReplyText.Of($"Done; {inner}.") + ReplyText.Plain(" Bye.");

        Assert.Equal("Done; see /LIST. Bye.", outer.Render(new ShoutingNaming()));
        Assert.Equal(3, outer.Parts.Count); // words either side of the mention are merged
    }
}
