using NewsBot.Core.Commands;

namespace NewsBot.Telegram.Tests.Commands;

public class ChatCommandParserTests
{
    public static TheoryData<string, ChatCommand> Valid => new()
    {
        { "/start", new ChatCommand.Start() },
        { "/start deep-link-payload", new ChatCommand.Start() },
        { "/help", new ChatCommand.Help() },
        { "/HELP", new ChatCommand.Help() },
        { "/help@NewsBotTestBot", new ChatCommand.Help() },
        { "/add ceasefire gaza", new ChatCommand.Add("ceasefire gaza") },
        { "  /add   \"two-state solution\"  ", new ChatCommand.Add("\"two-state solution\"") },
        { "/add@NewsBotTestBot (ceasefire OR truce) -football", new ChatCommand.Add("(ceasefire OR truce) -football") },
        { "/add @mynews ceasefire", new ChatCommand.Add("ceasefire", "@mynews") },
        { "/add ceasefire @mynews", new ChatCommand.Add("ceasefire", "@mynews") },
        { "/list", new ChatCommand.List() },
        { "/list @mynews", new ChatCommand.List("@mynews") },
        { "/remove 2", new ChatCommand.Remove(2) },
        { "/remove 2 @mynews", new ChatCommand.Remove(2, "@mynews") },
        { "/remove @mynews 12", new ChatCommand.Remove(12, "@mynews") },
        { "/pause", new ChatCommand.Pause() },
        // The alert's "Pause 1 h" button and typed pauses for a while; /pause alone keeps its meaning.
        { "/pause 1h", new ChatCommand.Pause(TimeSpan.FromHours(1)) },
        { "/pause 30m", new ChatCommand.Pause(TimeSpan.FromMinutes(30)) },
        { "/pause 2 days", new ChatCommand.Pause(TimeSpan.FromDays(2)) },
        { "/pause 1h30m", new ChatCommand.Pause(TimeSpan.FromMinutes(90)) },
        { "/pause 7d", new ChatCommand.Pause(TimeSpan.FromDays(7)) },
        { "/mutestory 42", new ChatCommand.MuteStory(42) },
        { "/why 42", new ChatCommand.Why(42) },
        { "/resume", new ChatCommand.Resume() },
        { "/test Ceasefire talks resume", new ChatCommand.Test("Ceasefire talks resume") },
        { "/sources", new ChatCommand.Sources() },
        { "/stop", new ChatCommand.Stop() },
        { "/addsource https://example.com/rss.xml", new ChatCommand.AddSource(new Uri("https://example.com/rss.xml")) },
        { "/addsource https://example.com/rss.xml Example News", new ChatCommand.AddSource(new Uri("https://example.com/rss.xml"), "Example News") },
        // A site named the way people name it is read as https; NewsBot finds its feed.
        { "/addsource almayadeen.net", new ChatCommand.AddSource(new Uri("https://almayadeen.net/")) },
        { "/addsource www.bbc.co.uk/news BBC News", new ChatCommand.AddSource(new Uri("https://www.bbc.co.uk/news"), "BBC News") },
        // A page whose article links are the items, with or without a selector; quotes may be curly, as phones type them.
        { "/addsource page https://example.com/news", new ChatCommand.AddSource(new Uri("https://example.com/news"), null, Page: true) },
        { "/addsource PAGE example.com/news Harbour", new ChatCommand.AddSource(new Uri("https://example.com/news"), "Harbour", Page: true) },
        {
            "/addsource page https://example.com/news links:\"main h2 > a\" Harbour Daily",
            new ChatCommand.AddSource(new Uri("https://example.com/news"), "Harbour Daily", Page: true, LinkSelector: "main h2 > a")
        },
        {
            "/addsource page https://example.com/news links:\u201C.story a\u201D",
            new ChatCommand.AddSource(new Uri("https://example.com/news"), null, Page: true, LinkSelector: ".story a")
        },
        { "/addsource https://example.com/news links:.headline", new ChatCommand.AddSource(new Uri("https://example.com/news"), null, Page: true, LinkSelector: ".headline") },
        { "/removesource 3", new ChatCommand.RemoveSource(3) },
        { "/pausesource 3", new ChatCommand.PauseSource(3) },
        { "/resumesource 3", new ChatCommand.ResumeSource(3) },
        { "/stats", new ChatCommand.Stats() },
        { "/connect @mynews", new ChatCommand.Connect("@mynews") },
        { "/frobnicate now", new ChatCommand.Unknown("frobnicate") },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Command_text_parses_to_its_command(string text, ChatCommand expected) =>
        Assert.Equal(expected, ChatCommandParser.Parse(text, "NewsBotTestBot"));

    [Theory]
    [InlineData("/add", "add", "give the filter")]
    [InlineData("/add @mynews", "add", "give the filter")]
    [InlineData("/add a\nb", "add", "one filter per /add")]
    [InlineData("/remove", "remove", "give the number")]
    [InlineData("/remove two", "remove", "'two' is not a filter number")]
    [InlineData("/remove 0", "remove", "'0' is not a filter number")]
    [InlineData("/remove -1", "remove", "'-1' is not a filter number")]
    [InlineData("/list everything", "list", "only an optional @channel")]
    [InlineData("/pause now", "pause", "'now' is not a duration")]
    [InlineData("/pause 8d", "pause", "from 1 minute to 7 days")]
    [InlineData("/pause 0m", "pause", "from 1 minute to 7 days")]
    [InlineData("/pause 1h 2h 3h", "pause", "is not a duration")]
    [InlineData("/mutestory", "mutestory", "give the alert's number")]
    [InlineData("/mutestory abc", "mutestory", "'abc' is not an alert number")]
    [InlineData("/why -3", "why", "'-3' is not an alert number")]
    [InlineData("/test", "test", "give the text")]
    [InlineData("/addsource", "addsource", "give the feed")]
    [InlineData("/addsource ftp://example.com/feed", "addsource", "not an http(s) address")]
    [InlineData("/addsource example", "addsource", "not an http(s) address or a site name")]
    [InlineData("/addsource feed.xml", "addsource", "not an http(s) address or a site name")]
    [InlineData("/addsource page", "addsource", "give the feed or page address")]
    [InlineData("/addsource page https://example.com/news links:\"h2 a", "addsource", "no closing quote")]
    [InlineData("/addsource page https://example.com/news links: h2", "addsource", "give the CSS selector right after links:")]
    [InlineData("/removesource x", "removesource", "not a source id")]
    [InlineData("/pausesource", "pausesource", "give the source id")]
    [InlineData("/connect", "connect", "give the channel")]
    [InlineData("/connect mynews", "connect", "not a channel handle")]
    public void Malformed_arguments_name_the_problem_and_the_usage(string text, string name, string problem)
    {
        var command = Assert.IsType<ChatCommand.Malformed>(ChatCommandParser.Parse(text, "NewsBotTestBot"));
        Assert.Equal(name, command.CommandName);
        Assert.Contains(problem, command.Problem.ToString());
        Assert.EndsWith("\nUsage: " + CommandCatalog.UsageOf(name), CommandReplies.Malformed(command).Text);
    }

    [Theory]
    [InlineData("hello there")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("/help@SomeOtherBot")]
    [InlineData("path /etc/hosts")]
    public void Text_that_is_not_a_command_for_this_bot_gives_null(string text) =>
        Assert.Null(ChatCommandParser.Parse(text, "NewsBotTestBot"));

    [Fact]
    public void Remove_button_callback_data_parses_back_to_the_command_and_fits_64_bytes()
    {
        var button = ReplyButton.RemoveFilter(49, "@a_channel_with_a_long_name_abcd");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(button.CallbackData) <= 64);
        Assert.Equal(new ChatCommand.Remove(49, "@a_channel_with_a_long_name_abcd"), ChatCommandParser.Parse(button.CallbackData));
    }

    [Fact]
    public void Callback_data_over_64_bytes_is_refused_with_the_button_named() =>
        Assert.Contains("'too long'", Assert.Throws<ArgumentException>(() => new ReplyButton("too long", "/test " + new string('é', 40))).Message);

    [Fact]
    public void Every_catalog_command_has_a_menu_safe_name()
    {
        // Telegram BotCommand: 1-32 characters of lowercase letters, digits and underscores.
        Assert.All(CommandCatalog.All, c => Assert.Matches("^[a-z0-9_]{1,32}$", c.Name));
        Assert.All(CommandCatalog.All, c => Assert.IsNotType<ChatCommand.Unknown>(ChatCommandParser.Parse(c.Usage.Split(' ')[0])));
    }
}
