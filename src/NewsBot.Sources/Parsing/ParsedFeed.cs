namespace NewsBot.Sources.Parsing;

public enum FeedFormat { Rss, Rdf, Atom, JsonFeed }

/// <summary>
/// What could be read from one feed document. <see cref="Problems"/> lists what went wrong
/// (a truncated body, a bad date) without losing the items read before it.
/// </summary>
public sealed record ParsedFeed(
    FeedFormat Format,
    string? Title,
    string? Link,
    IReadOnlyList<FeedItem> Items,
    IReadOnlyList<string> Problems)
{
    /// <summary>
    /// The read-time caps that bit (a title cut to its cap, items beyond the per-fetch cap dropped, an
    /// element nested too deep flattened), in plain words for the source's health. Empty for an honest feed.
    /// </summary>
    public IReadOnlyList<string> Truncations { get; init; } = [];
}
