using NewsBot.Sources.Fetching;
using NewsBot.Sources.Parsing;

namespace NewsBot.Sources.Reading;

/// <summary>The outcome of fetching and parsing one source once.</summary>
public abstract record FeedRead
{
    /// <param name="ParseTime">What parsing took of the poll's budget; storing the items gets the rest.</param>
    public sealed record Read(ParsedFeed Feed, FetchResult.Fetched Fetch, TimeSpan ParseTime = default) : FeedRead;

    public sealed record Unchanged(FetchResult.NotModified Fetch) : FeedRead;

    public sealed record Unreadable(string Error, TimeSpan? RetryAfter, bool ParseError = false) : FeedRead;
}
