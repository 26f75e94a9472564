namespace NewsBot.Sources.Parsing;

public enum FeedFormat
{
    Rss,
    Rdf,
    Atom,
    JsonFeed,

    /// <summary>A web page's article links read as items (a page source).</summary>
    HtmlPage,
}

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

    /// <summary>
    /// Items read after a structural error (a mismatched end tag, stray markup) by resynchronising
    /// on the next item or entry: 0 for a well-formed feed. The source's health says how many.
    /// </summary>
    public int RecoveredItems { get; init; }

    /// <summary>
    /// The feed's declared language as an ISO 639-1 code, for items that declare none: RSS
    /// <c>&lt;language&gt;</c> or <c>dc:language</c> of the channel, RDF <c>dc:language</c>, Atom
    /// <c>xml:lang</c> of the feed (also read on an RSS root), JSON Feed <c>language</c>; null when none
    /// is declared or it is not a language tag ("en-US" and "EN_gb" are "en").
    /// </summary>
    public string? Language { get; init; }
}
