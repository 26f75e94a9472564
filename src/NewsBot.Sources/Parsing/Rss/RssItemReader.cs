using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;
using static NewsBot.Sources.Parsing.Xml.FeedNamespaces;

namespace NewsBot.Sources.Parsing.Rss;

/// <summary>
/// Reads one RSS or RDF &lt;item&gt; element into <see cref="RssItem"/>. When an element is repeated,
/// the first non-empty copy wins: "&lt;link&gt;a&lt;/link&gt;&lt;link/&gt;" is link a.
/// </summary>
internal static class RssItemReader
{
    private static readonly XName RdfAboutAttribute = XName.Get("about", FeedNamespaces.Rdf);

    public static RssItem Read(XElement item, Uri? outerBase)
    {
        var result = new RssItem { RdfAbout = (string?)item.Attribute(RdfAboutAttribute), FeedBase = outerBase, Language = (string?)item.Attribute(XNamespace.Xml + "lang") };
        foreach (var child in item.Elements())
        {
            var ns = child.Name.NamespaceName;
            var name = child.Name.LocalName;
            if (IsRssCore(ns))
                result = name switch
                {
                    "title" => result with { Title = result.Title ?? ElementText.Text(child) },
                    "link" => result with { Link = result.Link ?? XmlBase.Resolve(XmlBase.Of(child, outerBase), ElementText.Text(child)) },
                    "guid" when result.Guid is null => result with
                    {
                        Guid = ElementText.Text(child),
                        GuidIsPermaLink = !string.Equals(((string?)child.Attribute("isPermaLink"))?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
                    },
                    "description" when result.Description is null => result with { Description = ElementText.Text(child), SummaryBase = XmlBase.WithinItem(child, outerBase) },
                    "pubDate" => result with { PubDate = result.PubDate ?? ElementText.Text(child) },
                    "author" => result with { Author = result.Author ?? ElementText.Text(child) },
                    "enclosure" => result with { EnclosureUrl = result.EnclosureUrl ?? XmlBase.Resolve(XmlBase.Of(child, outerBase), (string?)child.Attribute("url")) },
                    _ => result,
                };
            else if (ns == Content && name == "encoded" && result.ContentEncoded is null) result = result with { ContentEncoded = ElementText.Text(child), ContentBase = XmlBase.WithinItem(child, outerBase) };
            else if (ns == DublinCore) result = ReadDublinCore(result, child);
            else if (ns == Atom10) result = ReadAtomElement(result, child, outerBase);
            else if (ns == Media) result = ReadMedia(result, child);
        }
        return result;
    }

    /// <summary>RSS 2.0 elements have no namespace (early feeds used UserLand's); RSS 1.0 and 0.90 put theirs in a namespace of their own.</summary>
    internal static bool IsRssCore(string ns) => ns.Length == 0 || ns is Rss10 or Rss090 or Rss20UserLand or Rss20UserLandShort;

    private static RssItem ReadDublinCore(RssItem result, XElement child) => child.Name.LocalName switch
    {
        "date" => result with { DcDate = result.DcDate ?? ElementText.Text(child) },
        "creator" => result with { DcCreator = result.DcCreator ?? ElementText.Text(child) },
        "language" => result with { Language = ElementText.Text(child) ?? result.Language }, // outranks xml:lang
        "title" => result with { FallbackTitle = ElementText.Text(child) ?? result.FallbackTitle }, // dc:title outranks a media:title before it
        _ => result,
    };

    private static RssItem ReadAtomElement(RssItem result, XElement child, Uri? outerBase) => child.Name.LocalName switch
    {
        "link" when result.AtomAlternateLink is null && ((string?)child.Attribute("rel") ?? "alternate").Trim() == "alternate" =>
            result with { AtomAlternateLink = XmlBase.Resolve(XmlBase.Of(child, outerBase), (string?)child.Attribute("href")) },
        "updated" when result.AtomUpdated is null => result with { AtomUpdated = ElementText.Text(child) },
        "published" => result with { AtomUpdated = ElementText.Text(child) ?? result.AtomUpdated },
        "author" => result with { AtomAuthorName = result.AtomAuthorName ?? ElementText.Text(child.Element(XName.Get("name", Atom10))) },
        _ => result,
    };

    /// <summary>media:description and media:title directly in the item, or inside media:group / media:content.</summary>
    private static RssItem ReadMedia(RssItem result, XElement media) => result with
    {
        MediaDescription = result.MediaDescription ?? FirstText(media, "description"),
        FallbackTitle = result.FallbackTitle ?? FirstText(media, "title"),
    };

    private static string? FirstText(XElement media, string localName) =>
        media.DescendantsAndSelf(XName.Get(localName, Media)).Select(ElementText.Text).FirstOrDefault(t => t is not null);

}
