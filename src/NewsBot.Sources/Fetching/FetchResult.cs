namespace NewsBot.Sources.Fetching;

/// <summary>The validators of a previous fetch, sent back as If-None-Match / If-Modified-Since.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null);

public abstract record FetchResult
{
    /// <param name="MinNextPoll">Floor for the next poll from Cache-Control max-age or Retry-After.</param>
    /// <param name="MovedPermanently">Set when a 301/308 was followed: the source's stored URL should change to FinalUrl.</param>
    public sealed record Fetched(
        byte[] Body,
        string? ContentType,
        string? Charset,
        Uri FinalUrl,
        bool MovedPermanently,
        string? ETag,
        string? LastModified,
        TimeSpan? MinNextPoll) : FetchResult
    {
        /// <summary>The response's Link header values (RFC 8288), where a feed may name its WebSub hub; capped by <see cref="ResponseHeaders.MaxLinkChars"/>.</summary>
        public IReadOnlyList<string> Links { get; init; } = [];
    }

    public sealed record NotModified(string? ETag, string? LastModified, TimeSpan? MinNextPoll) : FetchResult;

    /// <param name="Error">Names the cause for a human: "HTTP 503", "timed out after 30 s", "address 10.0.0.1 is private".</param>
    /// <param name="RetryAfter">From a Retry-After header, when the server gave one.</param>
    public sealed record Failed(string Error, TimeSpan? RetryAfter) : FetchResult;
}
