namespace NewsBot.Sources.Parsing.Atom;

/// <summary>One Atom 1.0 or 0.3 &lt;entry&gt; as written, links already absolute, dates raw.</summary>
internal sealed record AtomEntry
{
    public string? Id { get; init; }
    public AtomText? Title { get; init; }

    /// <summary>dc:title, else media:title: used when the Atom title is missing or blank.</summary>
    public string? FallbackTitle { get; init; }
    public string? AlternateLink { get; init; }
    public AtomText? Summary { get; init; }
    public AtomText? Content { get; init; }
    public string? Published { get; init; }
    public string? Updated { get; init; }
    public string? DcDate { get; init; }
    public string? AuthorName { get; init; }

    /// <summary>The nearest xml:lang to the entry's text: on its title, summary or content, else on the entry; dc:language last.</summary>
    public string? Language { get; init; }

    /// <summary>The base for relative URLs inside the summary HTML: the nearest xml:base on the entry or the summary element, else null.</summary>
    public Uri? SummaryBase { get; init; }

    /// <summary>Like <see cref="SummaryBase"/>, for the content HTML.</summary>
    public Uri? ContentBase { get; init; }

    /// <summary>The feed's base outside the entry (xml:base of the feed element, else the document URL).</summary>
    public Uri? FeedBase { get; init; }
}
