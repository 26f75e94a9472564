namespace NewsBot.Pipeline.Deliver.Notices;

/// <summary>
/// Every <see cref="Interval"/>, queues the source notices that came due and sends the pending ones.
/// Runs apart from polling, so a slow or refusing platform never holds up a poll. Every instance
/// runs it: the queue's conditional update and the per-notice claims keep them from doubling.
/// </summary>
public sealed partial class SourceNoticeLoop(
    SourceNoticeQueue queue,
    SourceNoticeSender sender,
    TimeProvider time,
    ILogger<SourceNoticeLoop> log) : BackgroundService
{
    /// <summary>A notice comes at most this late after the threshold; the failure it reports is a day old.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    await queue.QueueDueAsync(stoppingToken);
                    await sender.SendPendingAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                }
            }
            while (await NextTickAsync(timer, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stopping
        }
    }

    /// <summary>The round runs off the timer's thread, so a clock moved far ahead fires one round, not one per missed minute.</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        var ticked = await timer.WaitForNextTickAsync(ct);
        await Task.Yield();
        return ticked;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Source notice round failed; trying again next round")]
    private partial void LogFailed(Exception e);
}
