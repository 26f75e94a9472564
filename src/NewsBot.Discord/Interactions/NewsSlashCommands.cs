using NewsBot.Core.Commands;
using NewsBot.Core.Delivery;

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
            Sub("follow", "Alerts for you alone from this channel's sources, sent as a DM", Text("filter", "Words to match; AND, OR, NOT, \"quotes\"", 500)),
            Sub("following", "List your own filters in this channel, numbered"),
            Sub("unfollow", "Remove your filter by its number from /news following",
                new ApplicationCommandOption(OptionType.Integer, "number", "Your filter's number") { Required = true, MinValue = 1 }),
            Sub("pause", "Pause alerts here; with for: hold them that long, then get them as one digest",
                new ApplicationCommandOption(OptionType.String, "for", "How long, e.g. 30m, 1h, 2d (up to 7 days); leave out to pause until resumed")
                {
                    Required = false, MaxLength = 20,
                }),
            Sub("resume", "Resume alerts here"),
            Sub("test", "Show which filters a headline would match", Text("text", "A headline or text to try", 1000)),
            Sub("sources", "List the news sources being watched"),
            Sub("digest", "Bundle alerts into one message per hour or at set times",
                new ApplicationCommandOption(OptionType.String, "mode", "off: one by one; hourly; daily: at the time given")
                {
                    Required = true,
                    Choices = [new("off: alerts one by one", "off"), new("hourly", "hourly"), new("daily", "daily")],
                },
                new ApplicationCommandOption(OptionType.String, "time", "For daily: HH:MM, or several as 08:00,18:00") { Required = false, MaxLength = 100 }),
            Sub("quiet", "Hold alerts during quiet hours; they arrive as one digest afterwards",
                Text("hours", "Start-end like 22:00-07:00, or off", 50)),
            Sub("timezone", "Your time zone for digests and quiet hours",
                Text("zone", "An IANA zone such as Europe/Berlin or America/New_York", 64) with { Autocomplete = true }),
            Sub("limit", "At most this many alerts an hour; the rest arrive as one digest",
                new ApplicationCommandOption(OptionType.Integer, "per_hour", "Alerts per hour")
                {
                    Required = true, MinValue = DeliveryPreferences.MinHourlyLimit, MaxValue = DeliveryPreferences.MaxHourlyLimit,
                }),
            Sub("settings", "Show digest, quiet hours, time zone and hourly limit here"),
        ]),
        new(NewsAdmin, "Bot administration (bot admins only)",
        [
            Sub("addsource", "Watch a new feed, a site (its feed is found) or a page's article links",
                Text("url", "Feed, site or page address (http/https, or a site name like example.com)", 2000),
                new ApplicationCommandOption(OptionType.String, "name", "Display name") { Required = false, MaxLength = 100 },
                new ApplicationCommandOption(OptionType.Boolean, "page", "A page without a feed: its article links are the news") { Required = false },
                new ApplicationCommandOption(OptionType.String, "links", "For a page: CSS selector of its article links, e.g. h2 a")
                {
                    Required = false, MaxLength = CommandArguments.MaxLinkSelectorLength,
                }),
            Sub("removesource", "Stop watching a source", Id()),
            Sub("pausesource", "Pause polling a source", Id()),
            Sub("resumesource", "Resume polling a source", Id()),
            Sub("stats", "Sources, chats, alerts and delivery problems"),
            Sub("addwebhook", "Deliver alerts to a Discord webhook; run again with a filter to add filters",
                Text("url", "https://discord.com/api/webhooks/… (kept secret)", 500),
                new ApplicationCommandOption(OptionType.String, "filter", "A filter for this webhook, e.g. ceasefire OR truce") { Required = false, MaxLength = 500 }),
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

    /// <summary>
    /// Choices for an APPLICATION_COMMAND_AUTOCOMPLETE interaction (answered with callback type 8, at most 25
    /// choices; interactions/application-commands.mdx "Autocomplete"). Unknown options get no choices.
    /// </summary>
    public static IReadOnlyList<CommandChoice> Autocomplete(DiscordInteraction interaction) =>
        (interaction.CommandName, interaction.SubcommandName, interaction.FocusedOption) switch
        {
            (News, "timezone", "zone") => TimeZoneLookup.Suggest(interaction.Option("zone"), CommandLimits.Choices)
                .Where(id => id.Length <= CommandLimits.ChoiceValueLength)
                .Select(id => new CommandChoice(id.Replace('_', ' '), id)).ToList(),
            _ => [],
        };

    private static ApplicationCommandOption Sub(string name, string description, params ApplicationCommandOption[] options) =>
        new(OptionType.SubCommand, name, description) { Options = options.Length == 0 ? null : options };

    private static ApplicationCommandOption Text(string name, string description, int maxLength) =>
        new(OptionType.String, name, description) { Required = true, MaxLength = maxLength };

    private static ApplicationCommandOption Id() =>
        new(OptionType.Integer, "id", "The source id from /news sources") { Required = true, MinValue = 1 };
}
