using System.Collections.Concurrent;
using NewsBot.Core.Commands;

namespace NewsBot.Telegram.Tests;

/// <summary>Stands in for the host's executor: records what reached it and answers "ok: /name".</summary>
internal sealed class RecordingExecutor : ICommandExecutor
{
    public ConcurrentQueue<(CommandContext Context, ChatCommand Command)> Executed { get; } = new();

    /// <summary>Commands whose execution throws, to prove one failure does not stop the bot.</summary>
    public Func<ChatCommand, bool> Throws { get; set; } = _ => false;

    public Func<CommandContext, ChatCommand, CommandReply> Reply { get; set; } = (_, cmd) => new CommandReply($"ok: /{cmd.Name}");

    public Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct)
    {
        Executed.Enqueue((ctx, cmd));
        if (Throws(cmd)) throw new InvalidOperationException("database unavailable");
        return Task.FromResult(Reply(ctx, cmd));
    }
}
