namespace NewsBot.Core.Commands;

/// <summary>
/// The one path every platform uses for a parsed command: refuse what the user may not run,
/// answer what needs no data (help, unknown, malformed), hand the rest to the executor.
/// </summary>
public static class CommandRouter
{
    public static async Task<CommandReply> RouteAsync(
        CommandContext ctx, ChatCommand cmd, ICommandExecutor executor, CancellationToken ct) =>
        cmd switch
        {
            ChatCommand.Unknown unknown => CommandReplies.Unknown(unknown),
            ChatCommand.Malformed malformed => CommandReplies.Malformed(malformed),
            _ when CommandAccess.Check(ctx, cmd) is { } refusal => refusal,
            ChatCommand.Help => CommandReplies.Help(ctx),
            _ => await executor.ExecuteAsync(ctx, cmd, ct).ConfigureAwait(false),
        };
}
