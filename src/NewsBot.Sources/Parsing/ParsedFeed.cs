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
    IReadOnlyList<string> Problems);
