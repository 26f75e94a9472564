using System.Xml;
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
    /// <remarks><paramref name="ct"/> is the poll's parse budget: checked between items, it throws <see cref="OperationCanceledException"/> when spent.</remarks>
    public static ParsedFeed Parse(byte[] body, Uri? documentUrl, string? httpCharset, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var text = FeedCharset.Decode(body, httpCharset, problems);
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n\0");
        if (start.IsEmpty) throw new FeedFormatException("not a feed: empty body");
        if (start[0] is '{') return JsonFeedParser.Parse(text, documentUrl, problems);
        if (HtmlSniffer.LooksLikeHtml(start)) throw new FeedFormatException("not a feed: the document is an HTML page");

        using var reader = FeedXmlReader.Create(XmlTextRepair.Repair(text));
        var root = RootElement(reader);
        return (root.NamespaceURI, root.LocalName) switch
        {
            (_, "rss") => RssFeedParser.Parse(reader, FeedFormat.Rss, documentUrl, problems),
            (FeedNamespaces.Rdf, "RDF") => RssFeedParser.Parse(reader, FeedFormat.Rdf, documentUrl, problems),
            (_, "feed") => AtomFeedParser.Parse(reader, documentUrl, problems),
            (_, "html") => throw new FeedFormatException("not a feed: the document is an HTML page"),
            _ => throw new FeedFormatException($"not a feed: unknown root element <{root.Name}>"),
        };
    }

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
