using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.Atom;

/// <summary>
/// Reads one &lt;entry&gt; element into <see cref="AtomEntry"/>. When an element is repeated, the
/// first non-empty copy wins: "&lt;title&gt;Real&lt;/title&gt;&lt;title/&gt;" is titled "Real".
/// </summary>
internal static class AtomEntryReader
{
    public static AtomEntry Read(XElement entry, Uri? outerBase)
    {
        var result = new AtomEntry { AlternateLink = AtomLinks.Alternate(entry.Elements(), outerBase), FeedBase = outerBase };
        string? textLanguage = null, dcLanguage = null;
        foreach (var child in entry.Elements())
        {
            var ns = child.Name.NamespaceName;
            if (ns == FeedNamespaces.DublinCore)
            {
                result = child.Name.LocalName switch
                {
                    "date" => result with { DcDate = result.DcDate ?? ElementText.Text(child) },
                    "creator" => result with { AuthorName = result.AuthorName ?? ElementText.Text(child) },
                    "title" => result with { FallbackTitle = ElementText.Text(child) ?? result.FallbackTitle }, // outranks a media:title
                    _ => result,
                };
                if (child.Name.LocalName == "language") dcLanguage ??= ElementText.Text(child);
                continue;
            }
            if (ns == FeedNamespaces.Media)
            {
                result = result with { FallbackTitle = result.FallbackTitle ?? MediaTitle(child) };
                continue;
            }
            if (!AtomLinks.IsAtom(ns)) continue;
            if (child.Name.LocalName is "title" or "summary" or "content") textLanguage ??= (string?)child.Attribute(XmlLang);
            result = child.Name.LocalName switch
            {
                "id" => result with { Id = result.Id ?? ElementText.Text(child) },
                "title" => result with { Title = result.Title ?? AtomText.Read(child) },
                "summary" when result.Summary is null => result with { Summary = AtomText.Read(child), SummaryBase = XmlBase.WithinItem(child, outerBase) },
                "content" when result.Content is null => result with { Content = AtomText.Read(child), ContentBase = XmlBase.WithinItem(child, outerBase) },
                "published" or "issued" => result with { Published = result.Published ?? ElementText.Text(child) },
                "updated" or "modified" => result with { Updated = result.Updated ?? ElementText.Text(child) },
                "author" => result with { AuthorName = AuthorName(child) ?? result.AuthorName },
                _ => result,
            };
        }
        return result with { Language = textLanguage ?? (string?)entry.Attribute(XmlLang) ?? dcLanguage };
    }

    private static readonly XName XmlLang = XNamespace.Xml + "lang";

    private static string? AuthorName(XElement author) =>
        author.Elements().Where(e => e.Name.LocalName == "name").Select(ElementText.Text).FirstOrDefault(n => n is not null);

    /// <summary>media:title directly in the entry, or inside media:group / media:content (YouTube's feeds).</summary>
    private static string? MediaTitle(XElement media) =>
        media.DescendantsAndSelf(XName.Get("title", FeedNamespaces.Media)).Select(ElementText.Text).FirstOrDefault(t => t is not null);
}
