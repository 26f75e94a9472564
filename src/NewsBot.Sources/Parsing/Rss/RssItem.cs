namespace NewsBot.Sources.Parsing.Rss;

/// <summary>
/// One &lt;item&gt; of RSS 0.9x/2.0 or RSS 1.0 (RDF) as written, links already absolute.
/// Dates stay raw so the adapter can report the ones it cannot read.
/// </summary>
internal sealed record RssItem
{
    public string? Guid { get; init; }
    public bool GuidIsPermaLink { get; init; } = true;
    public string? RdfAbout { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? AtomAlternateLink { get; init; }
    public string? Description { get; init; }
    public string? ContentEncoded { get; init; }
    public string? MediaDescription { get; init; }
    public string? PubDate { get; init; }
    public string? DcDate { get; init; }
    public string? AtomUpdated { get; init; }
    public string? Author { get; init; }
    public string? DcCreator { get; init; }
    public string? AtomAuthorName { get; init; }
}
