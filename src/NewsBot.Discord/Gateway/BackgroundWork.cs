using Microsoft.Extensions.Logging;

namespace NewsBot.Discord.Gateway;

/// <summary>
/// Event handlers run off the receive loop so a slow command never delays heartbeats. Every task is kept,
/// its failure logged, and all are awaited when the gateway stops — nothing is fire-and-forget.
/// </summary>
internal sealed partial class BackgroundWork(ILogger logger)
{
    private readonly List<Task> _running = [];

    public void Start(string what, Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException)
            {
                LogCancelled(logger, what);
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, what);
            }
        });
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    public Task DrainAsync()
    {
        lock (_running) return Task.WhenAll(_running.ToArray());
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway: {What} cancelled")]
    private static partial void LogCancelled(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord gateway: {What} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
