using System.Globalization;
using System.Xml.Linq;
using NewsBot.Storage.Entities;

namespace NewsBot.Admin;

/// <summary>Writes the sources as an OPML 2.0 subscription list (http://opml.org/spec2.opml).</summary>
public static class OpmlExport
{
    public static XDocument Build(IEnumerable<Source> sources, DateTimeOffset now) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement("opml", new XAttribute("version", "2.0"),
            new XElement("head",
                new XElement("title", "NewsBot sources"),
                // RFC 822 date, as the spec asks for dateCreated.
                new XElement("dateCreated", now.ToString("r", CultureInfo.InvariantCulture))),
            new XElement("body", sources.Select(s =>
                new XElement("outline",
                    new XAttribute("type", "rss"),
                    new XAttribute("text", s.Name),
                    new XAttribute("title", s.Name),
                    new XAttribute("xmlUrl", s.Url))))));
}
