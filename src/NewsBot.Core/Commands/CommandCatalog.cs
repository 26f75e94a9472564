namespace NewsBot.Core.Commands;

/// <summary>One command as users see it: in menus, in /help and in "usage" replies.</summary>
public sealed record CommandInfo(string Name, string Usage, string Description, bool AdminOnly)
{
    /// <summary>Shown in platform menus; false for commands a button types for you (they need an alert's id).</summary>
    public bool InMenu { get; init; } = true;
}

/// <summary>
/// Every command NewsBot understands. Platform menus (Telegram setMyCommands, Discord slash
/// commands) are built from this list so the menu, the help text and the parser never disagree.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        new("start", "/start", "Register this chat and show help", false),
        new("help", "/help", "How to use NewsBot, with filter examples", false),
        new("add", "/add [@channel] <filter>", "Add a filter", false),
        new("list", "/list [@channel]", "Show this chat's filters", false),
        new("remove", "/remove <number> [@channel]", "Remove a filter by its number in /list", false),
        new("pause", "/pause [30m|1h|2d]", "Stop alerts for this chat; with a time, hold them that long and send them as one digest", false),
        new("resume", "/resume", "Restart alerts for this chat", false),
        new("follow", "/follow <filter>", "In a group: alerts for you alone, sent privately", false),
        new("following", "/following", "Your own filters in this group", false),
        new("unfollow", "/unfollow <number>", "Remove your filter by its number in /following", false),
        new("test", "/test <text>", "Show which of your filters match a text, and why", false),
        new("sources", "/sources", "The news sources alerts come from", false),
        new("connect", "/connect @channel", "Send alerts to a channel you administer", false),
        new("stop", "/stop", "Forget this chat and its filters", false),
        new("mutestory", "/mutestory <alert>", "No more alerts or updates from an alert's story here (its button does it)", false) { InMenu = false },
        new("why", "/why <alert>", "Which filter and terms matched an alert (its button asks)", false) { InMenu = false },
        .. Delivery.DeliveryCommandParser.Commands,
        new("addsource", "/addsource [page] <url or site> [links:\"<css>\"] [name]", "Admin: add a news source", true),
        new("removesource", "/removesource <id>", "Admin: remove a source", true),
        new("pausesource", "/pausesource <id>", "Admin: pause a source", true),
        new("resumesource", "/resumesource <id>", "Admin: resume a source", true),
        new("stats", "/stats", "Admin: sources, chats, filters and alerts sent", true),
    ];

    public static CommandInfo? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string UsageOf(string name) => Find(name)?.Usage ?? "/" + name;
}
