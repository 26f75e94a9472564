using NewsBot.Sources.Fetching;
using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Reading;

/// <summary>The outcome of fetching and parsing one source once.</summary>
public abstract record FeedRead
{
    /// <param name="ParseTime">What parsing took of the poll's budget; storing the items gets the rest.</param>
    public sealed record Read(ParsedFeed Feed, FetchResult.Fetched Fetch, TimeSpan ParseTime = default) : FeedRead
    {
        /// <summary>Fingerprint of the body as read (<see cref="Reading.ContentHash"/>); stored, and sent back with the next read.</summary>
        public string? ContentHash { get; init; }
    }

    /// <summary>A 304, or a body byte-for-byte the same as the last good read's (<see cref="SameBody"/>).</summary>
    public sealed record Unchanged(FetchResult.NotModified Fetch, bool SameBody = false) : FeedRead;

    public sealed record Unreadable(string Error, TimeSpan? RetryAfter, bool ParseError = false) : FeedRead;
}
