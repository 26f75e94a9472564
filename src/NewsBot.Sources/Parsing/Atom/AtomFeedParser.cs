using System.Xml;
using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.Atom;

/// <summary>Atom 1.0 (RFC 4287) and the older Atom 0.3 draft: &lt;feed&gt; with &lt;entry&gt; children.</summary>
internal static class AtomFeedParser
{
    public static ParsedFeed Parse(FeedXmlText document, XmlReader reader, Uri? documentUrl, List<string> problems, TruncationNotes cuts, CancellationToken ct)
    {
        var items = new List<FeedItem>();
        string? title = null;
        var feedLinks = new List<XElement>();
        Uri? feedBase = null;
        var handlers = new FeedElementHandlers(
            IsItem: name => name == "entry",
            OnItem: (element, outerBase) => items.Add(ItemCaps.Apply(AtomEntryAdapter.ToFeedItem(AtomEntryReader.Read(element, outerBase), items.Count, problems), cuts)),
            OnFeedElement: (element, outerBase) =>
            {
                feedBase = outerBase;
                if (!AtomLinks.IsAtom(element.Name.NamespaceName)) return;
                if (element.Name.LocalName == "title") title ??= AtomText.Read(element)?.ToPlainTitle();
                else if (element.Name.LocalName == "link" && feedLinks.Count < 100) feedLinks.Add(element); // a handful is honest; thousands are not worth keeping
            });
        var recovered = XmlFeedWalker.Walk(document, reader, documentUrl, handlers, problems, cuts, ct);
        ItemChecks.DuplicateIds(items, problems);
        return new ParsedFeed(FeedFormat.Atom, string.IsNullOrEmpty(title) ? null : title, AtomLinks.Alternate(feedLinks, feedBase), items, problems) { RecoveredItems = recovered };
    }
}
