namespace NewsBot.Sources.Reading;

/// <summary>
/// What one read of a source needs: its address, the validators and body hash of the last good
/// read (a conditional GET, then a byte-for-byte comparison for servers that ignore validators), and
/// for a web page source how to find its article links.
/// </summary>
/// <param name="ContentHash">The <see cref="FeedRead.Read.ContentHash"/> of the last good read; an equal body is reported unchanged without a parse.</param>
/// <param name="Page">Set for a source that is a web page, not a feed.</param>
public sealed record SourceReadRequest(
    string Url, string? ETag = null, string? LastModified = null, string? ContentHash = null, PageSource? Page = null);

/// <summary>A web page whose article links are the items.</summary>
/// <param name="LinkSelector">CSS selector of the article links; null means NewsBot finds the page's main list of article links.</param>
public sealed record PageSource(string? LinkSelector);
