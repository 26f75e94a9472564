namespace NewsBot.Core.Commands;

/// <summary>
/// Replies that do not depend on stored data: help, unknown and malformed commands, refusals.
/// Shared by every platform so the bot says the same thing on Telegram and Discord.
/// </summary>
public static class CommandReplies
{
    private static CommandMention HelpCommand => CommandMention.Of("help");

    public static CommandReply Help(CommandContext ctx) => new(HelpText.For(ctx));

    public static CommandReply Unknown(ChatCommand.Unknown cmd) =>
        new($"I don't know the command {CommandMention.Of(cmd.CommandName)}. Send {HelpCommand} to see what I can do.");

    public static CommandReply Malformed(ChatCommand.Malformed cmd) =>
        new($"{CommandMention.Of(cmd.CommandName)}: {cmd.Problem}.\nUsage: {ReplyText.UsageOf(cmd.CommandName)}");

    public static CommandReply NotBotAdmin(ChatCommand cmd) =>
        new($"Sorry, {Named(cmd)} is only for NewsBot's administrators. Nothing was changed.");

    public static CommandReply NotGroupAdmin(ChatCommand cmd) =>
        new($"Only this group's administrators can use {Named(cmd)} here. Nothing was changed. " +
            $"To get alerts of your own, talk to me in a private chat.");

    public static CommandReply UsePrivateChat(ChatCommand cmd) =>
        new($"Please use {Named(cmd)} in a private chat with me.");

    public static CommandReply TargetNotFound(string handle) =>
        new($"I can't find {handle}. Add me to the channel as an administrator, then try again.");

    public static CommandReply NotChannelAdmin(string handle) =>
        new($"Only administrators of {handle} can manage its alerts. Nothing was changed.");

    public static CommandReply BotNotChannelAdmin(string handle) =>
        new($"I am not an administrator of {handle}, so I can't post there. " +
            "Add me to the channel as an administrator who may post messages, then try again.");

    public static CommandReply NotUnderstood() =>
        new($"I only understand commands. Send {HelpCommand} to see them.");

    /// <summary>The one reply a user gets when <see cref="CommandRateLimiter"/> stops their commands.</summary>
    public static CommandReply TooFast(TimeSpan retryIn) =>
        new($"You're sending commands too fast; try again in {Math.Max(1, (int)Math.Ceiling(retryIn.TotalSeconds))} s.");

    /// <summary>A chat with more commands waiting than <see cref="ChatLanes"/> keeps.</summary>
    public static CommandReply ChatBusy() =>
        new("Too many commands are waiting in this chat; try again in a moment.");

    public static CommandReply Failed(ChatCommand cmd) =>
        new($"Something went wrong while handling {Named(cmd)}. It has been logged; please try again later.");

    private static CommandMention Named(ChatCommand cmd) => CommandMention.Of(cmd.Name);
}
