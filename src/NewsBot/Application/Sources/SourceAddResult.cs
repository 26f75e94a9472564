using NewsBot.Sources.Discovery;
using NewsBot.Sources.Reading;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Sources;

/// <summary>What became of a request to add a source. Callers word each case for their medium.</summary>
public abstract record SourceAddResult
{
    private SourceAddResult() { }

    /// <summary>Stored. <see cref="Read"/> is the test fetch, null when the source was added without one.</summary>
    public sealed record Added(Source Source, FeedRead.Read? Read) : SourceAddResult
    {
        /// <summary>Set when the address given was a page and the source is the feed found on it.</summary>
        public FeedDiscoveryResult.Found? Discovered { get; init; }
    }

    /// <summary>Passed every check and the test fetch, not stored yet (the admin console's preview step).</summary>
    public sealed record Readable(SourceDraft Draft, string Address, string Name, FeedRead.Read Read) : SourceAddResult
    {
        /// <summary>Set when <see cref="Address"/> is the feed found on the page given.</summary>
        public FeedDiscoveryResult.Found? Discovered { get; init; }
    }

    /// <summary>A source already has this address (<see cref="Existing"/>), or the feed found on the page given.</summary>
    public sealed record Duplicate(Source Existing) : SourceAddResult
    {
        /// <summary>Set when the address given was a page whose main feed is <see cref="Existing"/>.</summary>
        public FeedDiscoveryResult.Found? Discovered { get; init; }
    }

    public sealed record Invalid(SourceProblem Problem) : SourceAddResult;

    /// <summary>The test fetch failed; <see cref="Error"/> says why, in the reader's words.</summary>
    public sealed record Unreadable(string Error) : SourceAddResult;

    /// <summary>The address is a web page with no feed found on it or at its site's common feed addresses.</summary>
    public sealed record NoFeed(FeedDiscoveryResult.NoFeed Search) : SourceAddResult;
}

/// <summary>A draft that passed the checks: the address to store and no source has it yet.</summary>
public sealed record CheckedSource(SourceDraft Draft, string Address);
