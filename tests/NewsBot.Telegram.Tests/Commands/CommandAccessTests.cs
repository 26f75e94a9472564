using NewsBot.Core.Commands;

namespace NewsBot.Telegram.Tests.Commands;

public class CommandAccessTests
{
    private static CommandContext Private(bool botAdmin = false) => new("telegram", "5", ChatKind.Private, "5", botAdmin, true);
    private static CommandContext Group(bool chatAdmin) => new("telegram", "-5", ChatKind.Supergroup, "5", false, chatAdmin);

    [Theory]
    [InlineData("/addsource https://example.com/rss")]
    [InlineData("/removesource 1")]
    [InlineData("/pausesource 1")]
    [InlineData("/resumesource 1")]
    [InlineData("/stats")]
    public void Admin_commands_are_refused_politely_for_other_users(string text)
    {
        var refusal = CommandAccess.Check(Private(), ChatCommandParser.Parse(text)!);
        Assert.NotNull(refusal);
        Assert.Contains("only for NewsBot's administrators. Nothing was changed.", refusal.Text);
        Assert.Null(CommandAccess.Check(Private(botAdmin: true), ChatCommandParser.Parse(text)!));
    }

    [Theory]
    [InlineData("/add ceasefire", true)]
    [InlineData("/remove 1", true)]
    [InlineData("/pause", true)]
    [InlineData("/resume", true)]
    [InlineData("/stop", true)]
    [InlineData("/pause 1h", true)]
    [InlineData("/mutestory 7", true)]
    [InlineData("/why 7", false)]
    [InlineData("/list", false)]
    [InlineData("/test ceasefire", false)]
    [InlineData("/sources", false)]
    public void In_groups_only_admins_change_the_filters(string text, bool needsAdmin)
    {
        var refusal = CommandAccess.Check(Group(chatAdmin: false), ChatCommandParser.Parse(text)!);
        Assert.Equal(needsAdmin, refusal is not null);
        if (needsAdmin) Assert.Contains("talk to me in a private chat", refusal!.Text);
        Assert.Null(CommandAccess.Check(Group(chatAdmin: true), ChatCommandParser.Parse(text)!));
    }

    [Theory]
    [InlineData("/mutestory 7", true)]
    [InlineData("/pause 1h", true)]
    [InlineData("/why 7", false)]
    public void A_channels_subscribers_pressing_its_alert_buttons_change_nothing(string text, bool needsAdmin)
    {
        var subscriber = new CommandContext("telegram", "-1001", ChatKind.Channel, "5", false, IsChatAdmin: false);
        Assert.Equal(needsAdmin, CommandAccess.Check(subscriber, ChatCommandParser.Parse(text)!) is not null);
        Assert.Null(CommandAccess.Check(subscriber with { IsChatAdmin = true }, ChatCommandParser.Parse(text)!));
    }

    [Fact]
    public void Channel_targets_need_a_private_chat_and_admin_rights_on_both_sides()
    {
        var connect = new ChatCommand.Connect("@mynews");
        Assert.Contains("private chat", CommandAccess.Check(Group(true), connect)!.Text);
        Assert.Contains("can't find @mynews", CommandAccess.Check(Private(), connect)!.Text);
        var userNotAdmin = Private() with { Target = new ChannelTarget("-1001", "@mynews", "My News", UserIsAdmin: false, BotIsAdmin: true) };
        Assert.Contains("Only administrators of @mynews", CommandAccess.Check(userNotAdmin, connect)!.Text);
        var botNotAdmin = Private() with { Target = new ChannelTarget("-1001", "@mynews", "My News", UserIsAdmin: true, BotIsAdmin: false) };
        Assert.Contains("I am not an administrator of @mynews", CommandAccess.Check(botNotAdmin, connect)!.Text);
        var both = Private() with { Target = new ChannelTarget("-1001", "@mynews", "My News", true, true) };
        Assert.Null(CommandAccess.Check(both, connect));
    }

    [Fact]
    public async Task Router_answers_help_unknown_and_malformed_without_the_executor()
    {
        var executor = new RecordingExecutor();
        var help = await CommandRouter.RouteAsync(Private(), new ChatCommand.Help(), executor, default);
        Assert.Contains("/add (ceasefire OR truce) gaza", help.Text);
        Assert.DoesNotContain("/stats", help.Text); // admin commands are shown to admins only
        Assert.Contains("/stats", (await CommandRouter.RouteAsync(Private(botAdmin: true), new ChatCommand.Help(), executor, default)).Text);
        Assert.Contains("/frob", (await CommandRouter.RouteAsync(Private(), new ChatCommand.Unknown("frob"), executor, default)).Text);
        var malformed = await CommandRouter.RouteAsync(Private(), ChatCommandParser.Parse("/remove x")!, executor, default);
        Assert.Contains("Usage: /remove <number> [@channel]", malformed.Text);
        Assert.Empty(executor.Executed);
    }
}
