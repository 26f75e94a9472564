using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.Atom;

internal static class AtomLinks
{
    /// <summary>
    /// RFC 4287 §4.2.7.2: a link without rel is rel="alternate". Prefers an HTML alternate when a
    /// feed lists several (e.g. one per media type). href is resolved against the link's own xml:base.
    /// </summary>
    public static string? Alternate(IEnumerable<XElement> children, Uri? outerBase)
    {
        var alternates = children
            .Where(c => c.Name.LocalName == "link" && IsAtom(c.Name.NamespaceName))
            .Where(c => ((string?)c.Attribute("rel") ?? "alternate").Trim() == "alternate" && c.Attribute("href") is not null)
            .ToList();
        var chosen = alternates.FirstOrDefault(l => ((string?)l.Attribute("type") ?? "text/html").Contains("html")) ?? alternates.FirstOrDefault();
        return chosen is null ? null : XmlBase.Resolve(XmlBase.Of(chosen, outerBase), (string?)chosen.Attribute("href"));
    }

    /// <summary>Atom 1.0, Atom 0.3, or no namespace at all (a feed that forgot its xmlns).</summary>
    public static bool IsAtom(string ns) => ns is FeedNamespaces.Atom10 or FeedNamespaces.Atom03 or "";
}
