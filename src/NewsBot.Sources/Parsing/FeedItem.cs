namespace NewsBot.Sources.Parsing;

/// <summary>
/// One entry of any feed format, normalized: title as plain text with entities decoded, links
/// absolute (xml:base and the feed URL resolved), dates in UTC. HTML bodies stay HTML here;
/// turning them into text is the article stage's job.
/// </summary>
public sealed record FeedItem(
    string? Id,
    string Title,
    string? Link,
    string? SummaryHtml,
    string? ContentHtml,
    DateTimeOffset? Published,
    string? Author)
{
    /// <summary>
    /// The item's own declared language as an ISO 639-1 code (RSS/RDF <c>dc:language</c>, Atom
    /// <c>xml:lang</c> on the entry or its text, JSON Feed <c>language</c>), null when it declares none or
    /// an unreadable one; <see cref="ParsedFeed.Language"/> applies then.
    /// </summary>
    public string? Language { get; init; }
}
