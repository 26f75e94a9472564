namespace NewsBot.Sources.Parsing.JsonFeed;

/// <summary>One item of JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/), fields as written.</summary>
internal sealed record JsonFeedItem(
    string? Id,
    string? Url,
    string? ExternalUrl,
    string? Title,
    string? ContentHtml,
    string? ContentText,
    string? Summary,
    string? DatePublished,
    string? DateModified,
    string? AuthorName,
    string? Language = null);
