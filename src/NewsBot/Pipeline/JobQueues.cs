namespace NewsBot.Pipeline;

/// <summary>
/// Hangfire queues, one per kind of work, each served by its own workers (see
/// <c>ServiceCollectionExtensions.AddNewsBotPipeline</c>): sending never waits behind polls, and a
/// page being read never holds a poll or a send.
/// </summary>
public static class JobQueues
{
    /// <summary>Alert dispatch and digests: short, and what users wait for.</summary>
    public const string Delivery = "delivery";

    /// <summary>One job per due source; each bounded by the fetch timeout and the poll budget.</summary>
    public const string Polls = "polls";

    /// <summary>One job per new matched article that needs its page read or a model summary.</summary>
    public const string Pages = "pages";
}
