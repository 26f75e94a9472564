using System.Xml;
using NewsBot.Core.Text;
using NewsBot.Sources.Parsing.Atom;
using NewsBot.Sources.Parsing.JsonFeed;
using NewsBot.Sources.Parsing.Rss;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing;

/// <summary>
/// Reads any RSS, RDF, Atom or JSON Feed document, keeping whatever can be read from a broken one
/// (see <see cref="ParsedFeed.Problems"/>). Throws <see cref="FeedFormatException"/> only when
/// nothing feed-like is there.
/// </summary>
public static class FeedParser
{
    /// <remarks>
    /// <paramref name="ct"/> is the poll's parse budget: checked between items and inside every long
    /// loop, it throws <see cref="OperationCanceledException"/> when spent. Whatever the document, the
    /// result stays within <see cref="FeedLimits"/>; the caps that bit are listed in <see cref="ParsedFeed.Truncations"/>.
    /// </remarks>
    public static ParsedFeed Parse(byte[] body, Uri? documentUrl, string? httpCharset, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var cuts = new TruncationNotes();
        var text = FeedCharset.Decode(body, httpCharset, problems);
        ct.ThrowIfCancellationRequested();
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n\0");
        if (start.IsEmpty) throw new FeedFormatException("not a feed: empty body");
        if (start[0] is '{') return Bounded(JsonFeedParser.Parse(text, documentUrl, problems, cuts, ct), cuts);
        if (HtmlSniffer.LooksLikeHtml(start)) throw new FeedFormatException("not a feed: the document is an HTML page");

        var document = new FeedXmlText(XmlTextRepair.Repair(text, ct));
        using var reader = document.Open();
        var root = RootElement(reader);
        var rootLanguage = reader.GetAttribute("lang", FeedNamespaces.Xml);
        return Bounded((root.NamespaceURI, root.LocalName) switch
        {
            (_, "rss") => RssFeedParser.Parse(document, reader, FeedFormat.Rss, documentUrl, problems, cuts, ct),
            (FeedNamespaces.Rdf, "RDF") => RssFeedParser.Parse(document, reader, FeedFormat.Rdf, documentUrl, problems, cuts, ct),
            (_, "feed") => AtomFeedParser.Parse(document, reader, documentUrl, problems, cuts, ct),
            (_, "html") => throw new FeedFormatException("not a feed: the document is an HTML page"),
            _ => throw new FeedFormatException($"not a feed: unknown root element <{Shorten(root.Name)}>"),
        }, cuts, rootLanguage);
    }

    /// <summary>The per-fetch caps: items (newest kept), problem lines, the feed's own title and link; then the cuts in words.</summary>
    /// <param name="rootLanguage">The root element's xml:lang: the feed's language unless its channel declares one nearer.</param>
    private static ParsedFeed Bounded(ParsedFeed feed, TruncationNotes cuts, string? rootLanguage = null)
    {
        var items = ItemCaps.KeepNewest(feed.Items.ToList(), cuts);
        var header = ItemCaps.Apply(new FeedItem(null, feed.Title ?? "", feed.Link, null, null, null, null), cuts);
        return feed with
        {
            Title = string.IsNullOrEmpty(header.Title) ? null : header.Title,
            Link = header.Link,
            Items = items,
            Problems = ItemCaps.FewProblems(feed.Problems.ToList()),
            Truncations = cuts.Lines(),
            Language = feed.Language ?? LanguageCodes.FromTag(rootLanguage),
        };
    }

    private static string Shorten(string name) => name.Length <= 60 ? name : name[..57] + "...";

    private static (string Name, string LocalName, string NamespaceURI) RootElement(XmlReader reader)
    {
        try
        {
            if (reader.MoveToContent() == XmlNodeType.Element) return (reader.Name, reader.LocalName, reader.NamespaceURI);
            throw new FeedFormatException("not a feed: the document has no root element");
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"not a feed: the document is not XML (line {e.LineNumber}: {e.Message})");
        }
    }
}
