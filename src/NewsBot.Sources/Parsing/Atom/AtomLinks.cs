using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.Atom;

internal static class AtomLinks
{
    /// <summary>
    /// RFC 4287 §4.2.7.2: a link without rel is rel="alternate". Prefers an HTML alternate when a
    /// feed lists several (e.g. one per media type); with no alternate at all, a related, via or
    /// enclosure link beats no link. href is resolved against the link's own xml:base.
    /// </summary>
    public static string? Alternate(IEnumerable<XElement> children, Uri? outerBase)
    {
        var links = children
            .Where(c => c.Name.LocalName == "link" && IsAtom(c.Name.NamespaceName) && !string.IsNullOrWhiteSpace(Href(c)))
            .ToList();
        var alternates = links.Where(c => Rel(c) == "alternate").ToList();
        var chosen = alternates.FirstOrDefault(l => ((string?)l.Attribute("type") ?? "text/html").Contains("html", StringComparison.OrdinalIgnoreCase))
            ?? alternates.FirstOrDefault()
            ?? links.FirstOrDefault(l => Rel(l) is "related" or "via" or "enclosure");
        return chosen is null ? null : XmlBase.Resolve(XmlBase.Of(chosen, outerBase), Href(chosen));
    }

    /// <summary>href, or — as some Atom 0.3 feeds wrote it — the URL as the link's text.</summary>
    private static string? Href(XElement link) => (string?)link.Attribute("href") ?? ElementText.Text(link);

    private static string Rel(XElement link) => ((string?)link.Attribute("rel") ?? "alternate").Trim().ToLowerInvariant();

    /// <summary>Atom 1.0, Atom 0.3, or no namespace at all (a feed that forgot its xmlns).</summary>
    public static bool IsAtom(string ns) => ns is FeedNamespaces.Atom10 or FeedNamespaces.Atom03 or "";
}
