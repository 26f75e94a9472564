using NewsBot.Core.Commands;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// Turns a slash command into the platform-neutral command every platform shares, so Discord
/// behaves and words its replies like Telegram: `/news add filter:x` becomes <c>ChatCommand.Add("x")</c>
/// (<see cref="SlashCommandReader"/>), the host's executor does the rest, and the reply names commands the
/// Discord way (<see cref="DiscordCommandNaming"/>). Commands of one channel run in order,
/// other channels' side by side (<see cref="ChatLanes"/>); each user's commands are rate-limited
/// (<see cref="CommandRateLimiter"/>). The responder defers the reply while a command waits its turn.
/// </summary>
public sealed class DiscordCommandBridge(
    ICommandExecutor executor, DiscordOptions options, Rest.DiscordRestClient? rest = null,
    ChatLanes? lanes = null, CommandRateLimiter? limiter = null)
{
    public const string Platform = "discord";

    private readonly ChatLanes _lanes = lanes ?? new ChatLanes();
    private readonly DirectMessages _directMessages = new();

    public async Task<DiscordReply> HandleAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        // Discord needs an answer to every interaction (else "The application did not respond"), so a
        // user over the limit is told every time; the answer is cheap and ephemeral.
        switch (limiter?.Check(Platform + ":" + interaction.UserId))
        {
            case RateDecision.Refused refused: return Render(CommandReplies.TooFast(refused.RetryIn));
            case RateDecision.Dropped dropped: return Render(CommandReplies.TooFast(dropped.RetryIn));
        }
        DiscordReply? reply = null;
        var chat = Platform + ":" + (interaction.ChannelId ?? interaction.UserId);
        if (!_lanes.TryRun(chat, async () => reply = await RunAsync(interaction, ct), ct, out var ran))
            return Render(CommandReplies.ChatBusy());
        return await ran ? reply! : Render(CommandReplies.ChatBusy());
    }

    private async Task<DiscordReply> RunAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        if (interaction.Type == DiscordInteraction.MessageComponentType)
            // A button's custom_id is command text (an alert's "Mute this story": "/mutestory 42"), checked like a typed command.
            return ChatCommandParser.Parse(interaction.CustomId) is { } pressed
                ? Render(await CommandRouter.RouteAsync(Context(interaction), pressed, executor, ct))
                : new DiscordReply("That button is no longer understood; nothing was changed.");
        if (interaction is { CommandName: NewsSlashCommands.NewsAdmin, SubcommandName: "addwebhook" } && rest is not null)
            return await AddWebhookAsync(interaction, ct);
        if (SlashCommandReader.Read(interaction) is not { } command)
            return new DiscordReply($"I don't know /{interaction.CommandName} {interaction.SubcommandName}. Try /news list or /news add.");
        var context = Context(interaction);
        if (command is ChatCommand.Follow && !interaction.IsDirectMessage && rest is not null)
            context = context with { PrivateChatId = await _directMessages.OpenAsync(rest, interaction.UserId, ct) };
        return Render(await CommandRouter.RouteAsync(context, command, executor, ct));
    }

    /// <summary>
    /// The webhook is checked with Discord before the executor stores it; non-admins are refused before that,
    /// so the command cannot be used to probe webhook URLs.
    /// </summary>
    private async Task<DiscordReply> AddWebhookAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        var context = Context(interaction);
        var probe = new ChatCommand.AddWebhook("", "", null, null);
        if (CommandAccess.Check(context, probe) is { } refusal) return Render(refusal);
        var check = await WebhookCheck.RunAsync(rest!, interaction.Option("url"), ct);
        if (check.Problem is not null) return new DiscordReply(check.Problem);
        var command = new ChatCommand.AddWebhook(check.Url!.Id, check.Url.Canonical, check.Info?.Name, interaction.Option("filter"));
        return Render(await CommandRouter.RouteAsync(context, command, executor, ct));
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
            IsChatAdmin: interaction.IsDirectMessage || interaction.CanManageChannel)
        {
            // A thread or forum post is a chat of its own (its channel id is where messages go); member.permissions
            // are already computed for the thread, which inherits its parent's overwrites.
            ParentChatId = interaction.IsThread ? interaction.ParentChannelId : null,
            ChatTitle = interaction.IsThread ? interaction.ChannelName : null,
        };

    /// <summary>Buttons are not shown on Discord: each command is a slash command the user types with its options.</summary>
    private static DiscordReply Render(CommandReply reply) => new(reply.Body.Render(DiscordCommandNaming.Instance));
}
