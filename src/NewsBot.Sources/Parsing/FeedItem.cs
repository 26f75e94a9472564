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
    string? Author);
