using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;
using static NewsBot.Sources.Parsing.Xml.FeedNamespaces;

namespace NewsBot.Sources.Parsing.Rss;

/// <summary>Reads one RSS or RDF &lt;item&gt; element into <see cref="RssItem"/>.</summary>
internal static class RssItemReader
{
    private static readonly XName RdfAboutAttribute = XName.Get("about", FeedNamespaces.Rdf);

    public static RssItem Read(XElement item, Uri? outerBase)
    {
        var result = new RssItem { RdfAbout = (string?)item.Attribute(RdfAboutAttribute) };
        foreach (var child in item.Elements())
        {
            var ns = child.Name.NamespaceName;
            var name = child.Name.LocalName;
            if (IsRssCore(ns))
                result = name switch
                {
                    "title" => result with { Title = ElementText.Text(child) },
                    "link" => result with { Link = XmlBase.Resolve(XmlBase.Of(child, outerBase), ElementText.Text(child)) },
                    "guid" => result with
                    {
                        Guid = ElementText.Text(child),
                        GuidIsPermaLink = !string.Equals(((string?)child.Attribute("isPermaLink"))?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
                    },
                    "description" => result with { Description = ElementText.Text(child) },
                    "pubDate" => result with { PubDate = ElementText.Text(child) },
                    "author" => result with { Author = ElementText.Text(child) },
                    _ => result,
                };
            else if (ns == Content && name == "encoded") result = result with { ContentEncoded = ElementText.Text(child) };
            else if (ns == DublinCore && name == "date") result = result with { DcDate = ElementText.Text(child) };
            else if (ns == DublinCore && name == "creator") result = result with { DcCreator = result.DcCreator ?? ElementText.Text(child) };
            else if (ns == Atom10) result = ReadAtomElement(result, child, outerBase);
            else if (ns == Media && result.MediaDescription is null) result = result with { MediaDescription = MediaDescription(child) };
        }
        return result;
    }

    /// <summary>RSS 2.0 elements have no namespace; RSS 1.0 and 0.90 put theirs in a namespace of their own.</summary>
    private static bool IsRssCore(string ns) => ns.Length == 0 || ns == Rss10 || ns == Rss090;

    private static RssItem ReadAtomElement(RssItem result, XElement child, Uri? outerBase) => child.Name.LocalName switch
    {
        "link" when result.AtomAlternateLink is null && ((string?)child.Attribute("rel") ?? "alternate") == "alternate" =>
            result with { AtomAlternateLink = XmlBase.Resolve(XmlBase.Of(child, outerBase), (string?)child.Attribute("href")) },
        "updated" when result.AtomUpdated is null => result with { AtomUpdated = ElementText.Text(child) },
        "published" => result with { AtomUpdated = ElementText.Text(child) },
        "author" => result with { AtomAuthorName = ElementText.Text(child.Element(XName.Get("name", Atom10))) },
        _ => result,
    };

    /// <summary>media:description directly in the item, or inside media:group / media:content.</summary>
    private static string? MediaDescription(XElement mediaElement) =>
        mediaElement.DescendantsAndSelf(XName.Get("description", Media)).Select(ElementText.Text).FirstOrDefault(d => d is not null);
}
