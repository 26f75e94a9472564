using System.Xml;
using System.Xml.Linq;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.Atom;

/// <summary>Atom 1.0 (RFC 4287) and the older Atom 0.3 draft: &lt;feed&gt; with &lt;entry&gt; children.</summary>
internal static class AtomFeedParser
{
    public static ParsedFeed Parse(XmlReader reader, Uri? documentUrl, List<string> problems)
    {
        var items = new List<FeedItem>();
        string? title = null;
        var feedLinks = new List<XElement>();
        Uri? feedBase = null;
        var handlers = new FeedElementHandlers(
            IsItem: name => name == "entry",
            OnItem: (element, outerBase) => items.Add(AtomEntryAdapter.ToFeedItem(AtomEntryReader.Read(element, outerBase), items.Count, problems)),
            OnFeedElement: (element, outerBase) =>
            {
                feedBase = outerBase;
                if (!AtomLinks.IsAtom(element.Name.NamespaceName)) return;
                if (element.Name.LocalName == "title") title ??= AtomText.Read(element)?.ToPlainTitle();
                else if (element.Name.LocalName == "link") feedLinks.Add(element);
            });
        XmlFeedWalker.Walk(reader, documentUrl, handlers, problems);
        ItemChecks.DuplicateIds(items, problems);
        return new ParsedFeed(FeedFormat.Atom, string.IsNullOrEmpty(title) ? null : title, AtomLinks.Alternate(feedLinks, feedBase), items, problems);
    }
}
