using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.Atom;

/// <summary>Reads one &lt;entry&gt; element into <see cref="AtomEntry"/>.</summary>
internal static class AtomEntryReader
{
    public static AtomEntry Read(XElement entry, Uri? outerBase)
    {
        var result = new AtomEntry { AlternateLink = AtomLinks.Alternate(entry.Elements(), outerBase) };
        foreach (var child in entry.Elements())
        {
            var ns = child.Name.NamespaceName;
            if (ns == FeedNamespaces.DublinCore)
            {
                if (child.Name.LocalName == "date") result = result with { DcDate = ElementText.Text(child) };
                else if (child.Name.LocalName == "creator") result = result with { AuthorName = result.AuthorName ?? ElementText.Text(child) };
                continue;
            }
            if (!AtomLinks.IsAtom(ns)) continue;
            result = child.Name.LocalName switch
            {
                "id" => result with { Id = ElementText.Text(child) },
                "title" => result with { Title = AtomText.Read(child) },
                "summary" => result with { Summary = AtomText.Read(child) },
                "content" => result with { Content = AtomText.Read(child) },
                "published" or "issued" => result with { Published = ElementText.Text(child) },
                "updated" or "modified" => result with { Updated = result.Updated ?? ElementText.Text(child) },
                "author" => result with { AuthorName = AuthorName(child) ?? result.AuthorName },
                _ => result,
            };
        }
        return result;
    }

    private static string? AuthorName(XElement author) =>
        author.Elements().Where(e => e.Name.LocalName == "name").Select(ElementText.Text).FirstOrDefault(n => n is not null);
}
