namespace NewsBot.Core.Commands;

/// <summary>
/// Who may run what. Checked before a command reaches the executor, so a refused command changes
/// nothing.
/// </summary>
public static class CommandAccess
{
    /// <summary>The refusal to send instead of running <paramref name="cmd"/>, or null when it may run.</summary>
    public static CommandReply? Check(CommandContext ctx, ChatCommand cmd)
    {
        if (IsAdminOnly(cmd) && !ctx.IsBotAdmin) return CommandReplies.NotBotAdmin(cmd);

        if (cmd.TargetChannel is { } handle)
        {
            // Channels are managed from a private chat with the bot (issue: "/connect @channel").
            if (ctx.ChatKind != ChatKind.Private) return CommandReplies.UsePrivateChat(cmd);
            if (ctx.Target is not { } target) return CommandReplies.TargetNotFound(handle);
            if (!target.UserIsAdmin) return CommandReplies.NotChannelAdmin(handle);
            if (cmd is ChatCommand.Connect && !target.BotIsAdmin) return CommandReplies.BotNotChannelAdmin(handle);
            return null;
        }

        // A channel's subscribers can press the buttons under its alerts; only its admins change it.
        if ((ctx.IsGroup || ctx.ChatKind == ChatKind.Channel) && ChangesChat(cmd) && !ctx.IsChatAdmin) return CommandReplies.NotGroupAdmin(cmd);
        return null;
    }

    public static bool IsAdminOnly(ChatCommand cmd) => cmd is ChatCommand.AddSource or ChatCommand.RemoveSource
        or ChatCommand.PauseSource or ChatCommand.ResumeSource or ChatCommand.Stats or ChatCommand.AddWebhook;

    /// <summary>
    /// Commands that change the chat's subscription; in a group only its admins may run them. An alert's
    /// "Mute this story" and "Pause 1 h" buttons change it for everyone, so they are among them; "Why?" is not.
    /// </summary>
    public static bool ChangesChat(ChatCommand cmd) => cmd is ChatCommand.Add or ChatCommand.Remove
        or ChatCommand.Pause or ChatCommand.Resume or ChatCommand.Stop or ChatCommand.MuteStory
        or ChatCommand.SetDelivery { Change: not Delivery.DeliveryChange.Show };
}
