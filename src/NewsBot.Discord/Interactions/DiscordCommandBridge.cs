using NewsBot.Core.Commands;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// Turns a slash command into the platform-neutral command every platform shares, so Discord
/// behaves and words its replies like Telegram. `/news add filter:x` is read as the text `/add x`
/// by the shared grammar; the host's executor does the rest. Commands of one channel run in order,
/// other channels' side by side (<see cref="ChatLanes"/>); each user's commands are rate-limited
/// (<see cref="CommandRateLimiter"/>). The responder defers the reply while a command waits its turn.
/// </summary>
public sealed class DiscordCommandBridge(
    ICommandExecutor executor, DiscordOptions options, Rest.DiscordRestClient? rest = null,
    ChatLanes? lanes = null, CommandRateLimiter? limiter = null)
{
    public const string Platform = "discord";

    private readonly ChatLanes _lanes = lanes ?? new ChatLanes();

    public async Task<DiscordReply> HandleAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        // Discord needs an answer to every interaction (else "The application did not respond"), so a
        // user over the limit is told every time; the answer is cheap and ephemeral.
        switch (limiter?.Check(Platform + ":" + interaction.UserId))
        {
            case RateDecision.Refused refused: return new DiscordReply(CommandReplies.TooFast(refused.RetryIn).Text);
            case RateDecision.Dropped dropped: return new DiscordReply(CommandReplies.TooFast(dropped.RetryIn).Text);
        }
        DiscordReply? reply = null;
        var chat = Platform + ":" + (interaction.ChannelId ?? interaction.UserId);
        if (!_lanes.TryRun(chat, async () => reply = await RunAsync(interaction, ct), ct, out var ran))
            return new DiscordReply(CommandReplies.ChatBusy().Text);
        return await ran ? reply! : new DiscordReply(CommandReplies.ChatBusy().Text);
    }

    private async Task<DiscordReply> RunAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        if (interaction is { CommandName: NewsSlashCommands.NewsAdmin, SubcommandName: "addwebhook" } && rest is not null)
            return new DiscordReply(await AddWebhookAsync(interaction, ct));
        var text = CommandText(interaction);
        var command = text is null ? null : ChatCommandParser.Parse(text);
        if (command is null)
            return new DiscordReply($"I don't know /{interaction.CommandName} {interaction.SubcommandName}. Try /news list or /news add.");
        if (command is ChatCommand.Malformed malformed && DiscordCommandNames.Usage(malformed.CommandName) is { } usage)
            command = malformed with { Usage = usage };
        var context = Context(interaction);
        var reply = await CommandRouter.RouteAsync(context, command, executor, ct);
        return new DiscordReply(ForDiscord(reply));
    }

    /// <summary>
    /// The webhook is checked with Discord before the executor stores it; non-admins are refused before that,
    /// so the command cannot be used to probe webhook URLs.
    /// </summary>
    private async Task<string> AddWebhookAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        var context = Context(interaction);
        var probe = new ChatCommand.AddWebhook("", "", null, null);
        if (CommandAccess.Check(context, probe) is { } refusal) return ForDiscord(refusal);
        var check = await WebhookCheck.RunAsync(rest!, interaction.Option("url"), ct);
        if (check.Problem is not null) return check.Problem;
        var command = new ChatCommand.AddWebhook(check.Url!.Id, check.Url.Canonical, check.Info?.Name, interaction.Option("filter"));
        return ForDiscord(await CommandRouter.RouteAsync(context, command, executor, ct));
    }

    /// <summary>
    /// In a guild channel the filters belong to the channel and changing them needs Manage Channels
    /// (or Administrator); in a DM they belong to the user, who administers their own DM.
    /// </summary>
    private CommandContext Context(DiscordInteraction interaction) =>
        new(Platform,
            interaction.ChannelId ?? interaction.UserId,
            interaction.IsDirectMessage ? ChatKind.Private : ChatKind.Group,
            interaction.UserId,
            IsBotAdmin: options.AdminUserIds.Contains(interaction.UserId, StringComparer.Ordinal),
            IsChatAdmin: interaction.IsDirectMessage || interaction.CanManageChannel);

    /// <summary>The slash command as the text command the shared grammar reads.</summary>
    private static string? CommandText(DiscordInteraction i) => (i.CommandName, i.SubcommandName) switch
    {
        (NewsSlashCommands.News, "add") => "/add " + i.Option("filter"),
        (NewsSlashCommands.News, "list") => "/list",
        (NewsSlashCommands.News, "remove") => "/remove " + i.Option("number"),
        (NewsSlashCommands.News, "pause") => "/pause",
        (NewsSlashCommands.News, "resume") => "/resume",
        (NewsSlashCommands.News, "test") => "/test " + i.Option("text"),
        (NewsSlashCommands.News, "sources") => "/sources",
        // Delivery settings share the text grammar, so a bad time or zone is explained in Telegram's words.
        (NewsSlashCommands.News, "digest") => ("/digest " + i.Option("mode") + " " + i.Option("time")).TrimEnd(),
        (NewsSlashCommands.News, "quiet") => "/quiet " + i.Option("hours"),
        (NewsSlashCommands.News, "timezone") => "/timezone " + i.Option("zone"),
        (NewsSlashCommands.News, "limit") => "/limit " + i.Option("per_hour"),
        (NewsSlashCommands.News, "settings") => "/digest", // a delivery command without arguments shows the settings
        (NewsSlashCommands.NewsAdmin, "addsource") => ("/addsource " + i.Option("url") + " " + i.Option("name")).TrimEnd(),
        (NewsSlashCommands.NewsAdmin, "removesource" or "pausesource" or "resumesource") =>
            "/" + i.SubcommandName + " " + i.Option("id"),
        (NewsSlashCommands.NewsAdmin, "stats") => "/stats",
        _ => null,
    };

    /// <summary>Replies name the Telegram-style commands; on Discord the same commands live under /news and /newsadmin.</summary>
    private static string ForDiscord(CommandReply reply) => DiscordCommandNames.Rewrite(reply.Text);
}
