using NewsBot.Sources.Parsing;
using NewsBot.Sources.Reading;

namespace NewsBot.Sources.Discovery;

/// <summary>A feed found for a page, with the test read that proved it is one.</summary>
/// <param name="Title">The title the page gave the feed, else the feed's own title; capped, may be null.</param>
public sealed record FoundFeed(Uri Url, string? Title, FeedRead.Read Read);

/// <summary>What <see cref="FeedDiscovery"/> found for an address that is not a feed.</summary>
public abstract record FeedDiscoveryResult
{
    private FeedDiscoveryResult() { }

    /// <summary>The page's main feed and the other feeds that read (at most <see cref="FeedDiscovery.MaxCandidates"/> were tried).</summary>
    /// <param name="Page">The page read, after redirects.</param>
    public sealed record Found(Uri Page, FoundFeed Main, IReadOnlyList<FoundFeed> Others) : FeedDiscoveryResult
    {
        /// <summary>Every feed found, the chosen one first.</summary>
        public int Count => Others.Count + 1;
    }

    /// <summary>The page declares no feed that reads and none of the common paths holds one.</summary>
    /// <param name="Declared">Feed links the page declared (all unreadable).</param>
    /// <param name="Checked">Feed addresses read in all, declared and common paths.</param>
    public sealed record NoFeed(Uri Page, int Declared, int Checked) : FeedDiscoveryResult
    {
        /// <summary>
        /// The page's main list of article links as a page source would read it (none when detection
        /// finds no list): what following the page itself would give, for the answer to show.
        /// </summary>
        public IReadOnlyList<FeedItem> ArticleLinks { get; init; } = [];
    }

    /// <summary>The address answered with something that is not an HTML page: there is nothing to discover from.</summary>
    public sealed record NotAPage(Uri Page) : FeedDiscoveryResult;

    /// <summary>The page itself could not be fetched; <see cref="Error"/> in the fetcher's words.</summary>
    public sealed record PageUnreadable(Uri Page, string Error) : FeedDiscoveryResult;
}
