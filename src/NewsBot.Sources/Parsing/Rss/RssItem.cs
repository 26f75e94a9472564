namespace NewsBot.Sources.Parsing.Rss;

/// <summary>
/// One &lt;item&gt; of RSS 0.9x/2.0 or RSS 1.0 (RDF) as written, links already absolute. Each field
/// holds the first non-empty copy of its element. Dates stay raw so the adapter can report the ones
/// it cannot read.
/// </summary>
internal sealed record RssItem
{
    public string? Guid { get; init; }
    public bool GuidIsPermaLink { get; init; } = true;
    public string? RdfAbout { get; init; }
    public string? Title { get; init; }

    /// <summary>dc:title, then media:title (directly in the item or inside media:group / media:content): used when &lt;title&gt; is missing or blank.</summary>
    public string? FallbackTitle { get; init; }

    public string? Link { get; init; }

    /// <summary>The first atom:link alternate (no rel counts as alternate).</summary>
    public string? AtomAlternateLink { get; init; }

    /// <summary>The first enclosure URL: the link of last resort (a podcast episode's audio beats no link at all).</summary>
    public string? EnclosureUrl { get; init; }

    public string? Description { get; init; }
    public string? ContentEncoded { get; init; }
    public string? MediaDescription { get; init; }
    public string? PubDate { get; init; }
    public string? DcDate { get; init; }
    public string? AtomUpdated { get; init; }
    public string? Author { get; init; }
    public string? DcCreator { get; init; }
    public string? AtomAuthorName { get; init; }

    /// <summary>dc:language, else the item's xml:lang, as written.</summary>
    public string? Language { get; init; }

    /// <summary>The base for relative URLs inside the summary HTML: the nearest xml:base on the item or the summary element, else null.</summary>
    public Uri? SummaryBase { get; init; }

    /// <summary>Like <see cref="SummaryBase"/>, for the content HTML.</summary>
    public Uri? ContentBase { get; init; }

    /// <summary>The feed's base outside the item (xml:base of channel or root, else the document URL).</summary>
    public Uri? FeedBase { get; init; }
}
