namespace NewsBot.Sources.Parsing.Atom;

/// <summary>One Atom 1.0 or 0.3 &lt;entry&gt; as written, links already absolute, dates raw.</summary>
internal sealed record AtomEntry
{
    public string? Id { get; init; }
    public AtomText? Title { get; init; }
    public string? AlternateLink { get; init; }
    public AtomText? Summary { get; init; }
    public AtomText? Content { get; init; }
    public string? Published { get; init; }
    public string? Updated { get; init; }
    public string? DcDate { get; init; }
    public string? AuthorName { get; init; }
}
