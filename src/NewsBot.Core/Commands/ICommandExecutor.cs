namespace NewsBot.Core.Commands;

/// <summary>
/// Executes a command against NewsBot's data (chats, filters, sources). Implemented by the host;
/// platform adapters call it through <see cref="CommandRouter"/>, which has already answered
/// help, unknown and malformed commands and refused commands the user may not run.
/// </summary>
public interface ICommandExecutor
{
    Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct);
}
