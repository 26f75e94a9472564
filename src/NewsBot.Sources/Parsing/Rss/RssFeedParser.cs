using System.Xml;
using NewsBot.Core.Text;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.Rss;

/// <summary>RSS 0.9x/2.0 (&lt;rss&gt;&lt;channel&gt;&lt;item&gt;) and RSS 1.0 / 0.90 (&lt;rdf:RDF&gt; with &lt;item&gt; beside &lt;channel&gt;).</summary>
internal static class RssFeedParser
{
    public static ParsedFeed Parse(FeedXmlText document, XmlReader reader, FeedFormat format, Uri? documentUrl, List<string> problems, TruncationNotes cuts, CancellationToken ct)
    {
        var items = new List<FeedItem>();
        string? title = null, link = null, atomLink = null, language = null;
        var handlers = new FeedElementHandlers(
            IsItem: name => name == "item",
            OnItem: (element, outerBase) => items.Add(ItemCaps.Apply(RssItemAdapter.ToFeedItem(RssItemReader.Read(element, outerBase), items.Count, problems), cuts)),
            OnFeedElement: (element, outerBase) =>
            {
                var ns = element.Name.NamespaceName;
                if (ns == FeedNamespaces.Atom10)
                {
                    if (element.Name.LocalName == "link" && ((string?)element.Attribute("rel") ?? "alternate") == "alternate")
                        atomLink ??= XmlBase.Resolve(XmlBase.Of(element, outerBase), (string?)element.Attribute("href"));
                    return;
                }
                if (element.Name.LocalName == "language" && (ns == FeedNamespaces.DublinCore || RssItemReader.IsRssCore(ns)))
                    language ??= LanguageCodes.FromTag(ElementText.Text(element));
                else if (element.Name.LocalName == "title") title ??= TitleText.FromHtml(ElementText.Text(element));
                else if (element.Name.LocalName == "link") link ??= XmlBase.Resolve(XmlBase.Of(element, outerBase), ElementText.Text(element));
            });
        var recovered = XmlFeedWalker.Walk(document, reader, documentUrl, handlers, problems, cuts, ct);
        ItemChecks.DuplicateIds(items, problems);
        return new ParsedFeed(format, NullIfEmpty(title), link ?? atomLink, items, problems) { RecoveredItems = recovered, Language = language };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
