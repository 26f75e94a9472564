using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Poll;

/// <summary>Log lines both ways of recording a poll write, so a failing feed reads the same whichever path recorded it.</summary>
internal static partial class PollLog
{
    /// <summary>After <see cref="SourceUpdates.Failed"/>: the error, how many in a row, and when the next attempt is.</summary>
    public static void Failure(ILogger log, Source source, string error) =>
        LogFailure(log, source.Id, source.Name, error, source.ConsecutiveFailures, source.NextPollAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "feed '{SourceName}' (source {SourceId}): {Error}; failure {Failures}, retry at {NextPollAt:u}")]
    private static partial void LogFailure(ILogger log, long sourceId, string sourceName, string error, int failures, DateTime nextPollAt);
}
