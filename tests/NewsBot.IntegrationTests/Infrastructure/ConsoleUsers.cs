using NewsBot.Core.Commands;

namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>People typing commands into the console chat in host tests.</summary>
internal static class ConsoleUsers
{
    /// <summary>Runs her own private chat (so she may change its delivery settings), not a bot admin.</summary>
    public static readonly CommandContext Alice = new("console", "alice", ChatKind.Private, "alice", IsBotAdmin: false, IsChatAdmin: true);
}
