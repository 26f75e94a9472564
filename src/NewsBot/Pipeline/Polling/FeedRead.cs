using NewsBot.Sources.Fetching;
using NewsBot.Sources.Parsing;

namespace NewsBot.Pipeline.Polling;

/// <summary>The outcome of fetching and parsing one source once.</summary>
public abstract record FeedRead
{
    public sealed record Read(ParsedFeed Feed, FetchResult.Fetched Fetch) : FeedRead;

    public sealed record Unchanged(FetchResult.NotModified Fetch) : FeedRead;

    public sealed record Unreadable(string Error, TimeSpan? RetryAfter, bool ParseError = false) : FeedRead;
}
