namespace NewsBot.Discord.Interactions;

/// <summary>
/// NewsBot's slash commands, all under two top-level names so they never collide with other bots.
/// Registered with one bulk overwrite (PUT replaces every command; Discord interactions/application-commands.mdx).
/// </summary>
public static class NewsSlashCommands
{
    public const string News = "news";
    public const string NewsAdmin = "newsadmin";

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        new(News, "News alerts for this channel (or for you, in a DM)",
        [
            Sub("add", "Add a filter, e.g. climate AND (policy OR summit)", Text("filter", "Words to match; AND, OR, NOT, \"quotes\"", 500)),
            Sub("list", "List the filters here, numbered"),
            Sub("remove", "Remove a filter by its number from /news list",
                new ApplicationCommandOption(OptionType.Integer, "number", "The filter's number") { Required = true, MinValue = 1 }),
            Sub("pause", "Pause alerts here"),
            Sub("resume", "Resume alerts here"),
            Sub("test", "Show which filters a headline would match", Text("text", "A headline or text to try", 1000)),
            Sub("sources", "List the news sources being watched"),
        ]),
        new(NewsAdmin, "Bot administration (bot admins only)",
        [
            Sub("addsource", "Watch a new feed",
                Text("url", "Feed or page URL (http/https)", 2000),
                new ApplicationCommandOption(OptionType.String, "name", "Display name") { Required = false, MaxLength = 100 }),
            Sub("removesource", "Stop watching a source", Id()),
            Sub("pausesource", "Pause polling a source", Id()),
            Sub("resumesource", "Resume polling a source", Id()),
            Sub("stats", "Sources, chats, alerts and delivery problems"),
            Sub("addwebhook", "Deliver alerts to a Discord webhook URL", Text("url", "https://discord.com/api/webhooks/…", 500)),
        ])
        {
            // Hides the command from members without Manage Server; the admin list is still checked on use.
            DefaultMemberPermissions = DiscordPermissions.ManageGuild.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    ];

    /// <summary>
    /// Registers the commands in each configured guild (they appear at once), or globally when none are
    /// configured. Call after READY, which carries the application id. An unchanged set costs no command creates.
    /// </summary>
    public static async Task RegisterAsync(Rest.DiscordRestClient rest, string applicationId, IReadOnlyCollection<string> guildIds, CancellationToken cancellationToken)
    {
        if (guildIds.Count == 0)
        {
            await rest.BulkOverwriteCommandsAsync(applicationId, null, All, cancellationToken);
            return;
        }
        foreach (var guildId in guildIds) await rest.BulkOverwriteCommandsAsync(applicationId, guildId, All, cancellationToken);
    }

    private static ApplicationCommandOption Sub(string name, string description, params ApplicationCommandOption[] options) =>
        new(OptionType.SubCommand, name, description) { Options = options.Length == 0 ? null : options };

    private static ApplicationCommandOption Text(string name, string description, int maxLength) =>
        new(OptionType.String, name, description) { Required = true, MaxLength = maxLength };

    private static ApplicationCommandOption Id() =>
        new(OptionType.Integer, "id", "The source id from /news sources") { Required = true, MinValue = 1 };
}
