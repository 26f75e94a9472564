using NewsBot.Sources.Fetching;
using NewsBot.Sources.Reading;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// What a poll's outcome changes on its source (health, validators, next poll, claim). One place for
/// both ways a result is recorded: batched (<see cref="PollResultWriter"/>) and with new items
/// (<see cref="PollRecorder"/>).
/// </summary>
internal static class SourceUpdates
{
    /// <summary>A health line, not a log: long enough for every cap we have, short enough for a table cell.</summary>
    private const int MaxWarningLength = 500;

    /// <summary>Every recorded outcome: the attempt happened and the claim is released.</summary>
    public static void Attempted(Source source, DateTimeOffset now)
    {
        source.LastAttemptAt = now.UtcDateTime;
        source.PollClaimedUntil = null;
    }

    /// <summary>304 Not Modified: healthy, validators kept unless the server sent new ones.</summary>
    public static void Unchanged(Source source, FeedRead.Unchanged read, DateTimeOffset now, TimeSpan interval)
    {
        Attempted(source, now);
        Succeeded(source, now, interval, read.Fetch.ETag ?? source.ETag, read.Fetch.LastModified ?? source.LastModified, read.Fetch.MinNextPoll);
    }

    /// <summary>A read feed: healthy, the server's validators, how many items and which caps bit.</summary>
    public static void Read(Source source, FeedRead.Read read, DateTimeOffset now, TimeSpan interval)
    {
        Attempted(source, now);
        Succeeded(source, now, interval, read.Fetch.ETag, read.Fetch.LastModified, read.Fetch.MinNextPoll);
        source.LastItemCount = read.Feed.Items.Count;
        source.ContentHash = read.ContentHash;
        source.LastWarning = Warning(read.Feed.RecoveredItems > 0
            ? [Recovered(read.Feed.RecoveredItems), .. read.Feed.Truncations]
            : read.Feed.Truncations);
    }

    /// <summary>A failed read: one more failure, backed off (or the server's Retry-After), the episode's start kept.</summary>
    public static void Failed(Source source, FeedRead.Unreadable failed, DateTimeOffset now, TimeSpan interval)
    {
        Attempted(source, now);
        source.ConsecutiveFailures++;
        source.FailingSince ??= now.UtcDateTime; // the episode's start; SourceNoticeQueue tells people after a day
        source.NextPollAt = PollSchedule.NextPoll(now, interval, source.ConsecutiveFailures, null, failed.RetryAfter, Random.Shared).UtcDateTime;
        source.LastError = failed.Error;
    }

    private static void Succeeded(Source source, DateTimeOffset now, TimeSpan interval, string? etag, string? lastModified, TimeSpan? floor)
    {
        source.ConsecutiveFailures = 0;
        source.FailingSince = null;
        source.LastError = null;
        source.LastSuccessAt = now.UtcDateTime;
        source.ETag = etag;
        source.LastModified = lastModified;
        source.NextPollAt = PollSchedule.NextOnPhase(now, interval, source.Id, floor).UtcDateTime;
    }

    private static string Recovered(int items) =>
        items == 1 ? "1 item recovered after broken markup" : $"{items} items recovered after broken markup";

    /// <summary>The read-time caps that bit, for the source's health; null when the feed was read whole.</summary>
    private static string? Warning(IReadOnlyList<string> truncations)
    {
        if (truncations.Count == 0) return null;
        var text = string.Join("; ", truncations.Distinct(StringComparer.Ordinal));
        return text.Length <= MaxWarningLength ? text : text[..(MaxWarningLength - 1)] + "…";
    }
}
