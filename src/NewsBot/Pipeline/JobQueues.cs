namespace NewsBot.Pipeline;

/// <summary>
/// Hangfire queues, one per kind of work, each served by its own workers (see
/// <c>ServiceCollectionExtensions.AddNewsBotPipeline</c>): a page being read never holds a send.
/// Polls are no jobs: <see cref="Poll.SourceScheduler"/> runs them in-process on a pool of their own,
/// so sending never waits behind them either.
/// </summary>
public static class JobQueues
{
    /// <summary>Alert dispatch and digests: short, and what users wait for.</summary>
    public const string Delivery = "delivery";

    /// <summary>One job per new matched article that needs its page read or a model summary.</summary>
    public const string Pages = "pages";
}
