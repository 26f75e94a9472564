using System.Runtime.CompilerServices;
using System.Security;
using System.Xml;
using System.Xml.Linq;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>What the walker hands out: each item element, and each other element at feed level, with the xml:base in effect outside it.</summary>
public sealed record FeedElementHandlers(
    Func<string, bool> IsItem,
    Action<XElement, Uri?> OnItem,
    Action<XElement, Uri?> OnFeedElement);

/// <summary>
/// Streams a feed document one item at a time, so a body that breaks off mid-way (truncated
/// download) keeps every item completed before the break. The reader must stand on the root
/// element. The root and RSS &lt;channel&gt; are descended into; items and all other elements are
/// read whole, within <see cref="FeedLimits"/> (see <see cref="BoundedElementReader"/>).
/// A structural error (a mismatched end tag, stray markup) no longer ends the feed: reading
/// resumes at the next item start after the error (<see cref="FeedXmlText.OpenAt"/>), and the
/// items read from there on are counted as recovered.
/// </summary>
internal static class XmlFeedWalker
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>Namespace declarations copied onto a re-opened outer tag; an honest feed declares a dozen.</summary>
    private const int MaxReopenedTagChars = 4_096;

    /// <summary>Walks the document; returns the number of items read after the first structural error.</summary>
    public static int Walk(FeedXmlText document, XmlReader reader, Uri? documentUrl, FeedElementHandlers handlers, List<string> problems, TruncationNotes cuts, CancellationToken ct)
    {
        var outer = new Stack<(Uri? Base, string Tag)>();
        outer.Push((XmlBase.Apply(documentUrl, reader.GetAttribute("base", FeedNamespaces.Xml)), ReopenedTag(reader)));
        var (start, firstLine, recoveries, recovered, afterError) = (0, 1, 0, 0, false);
        var counting = handlers with { OnItem = (item, outerBase) => { handlers.OnItem(item, outerBase); if (afterError) recovered++; } };
        var current = reader;
        var itemInProgress = new StrongBox<XElement?>();
        try
        {
            while (true)
            {
                try
                {
                    if (current != reader)
                    {
                        current.MoveToContent();
                        for (var i = 0; i < outer.Count; i++) current.Read(); // past the re-opened tags, onto the item
                    }
                    WalkFrom(current, atRoot: current == reader, outer, counting, itemInProgress, problems, cuts, ct);
                    return recovered;
                }
                catch (XmlException e)
                {
                    var at = document.OffsetOf(start, firstLine, e.LineNumber, e.LinePosition);
                    var resume = at is null ? -1 : document.NextItemStart(Math.Max(at.Value, start + 1), handlers.IsItem, ct);
                    var (line, column) = at is null ? (e.LineNumber, e.LinePosition) : document.LineAndColumn(at.Value);
                    if (itemInProgress.Value is { } partial && at is { } offset && !document.EndsAt(offset))
                    {
                        // Broken mid-item but not cut off: what was read names the item well enough to keep it,
                        // and items read inside it (its end tag was missing) are items of their own.
                        foreach (var kept in UnnestedItems(partial, handlers.IsItem).Where(IsIdentified))
                        {
                            afterError = true;
                            counting.OnItem(kept, outer.Peek().Base);
                        }
                    }
                    itemInProgress.Value = null;
                    if (resume < 0 || outer.Count == 0 || recoveries >= FeedLimits.MaxRecoveries)
                    {
                        if (resume >= 0 && outer.Count > 0) cuts.AddLine($"stopped reading after {FeedLimits.Figure(FeedLimits.MaxRecoveries)} structural errors");
                        problems.Add($"feed body breaks off at line {line}, position {column} ({FirstSentence(e.Message)}); kept the items read before it");
                        return recovered;
                    }
                    problems.Add($"feed body is broken at line {line}, position {column} ({FirstSentence(e.Message)}); read on from the next item");
                    (recoveries, afterError) = (recoveries + 1, true);
                    if (current != reader) current.Dispose();
                    current = document.OpenAt(resume, outer.Reverse().Select(o => o.Tag));
                    (start, firstLine) = (resume, 2);
                }
            }
        }
        finally
        {
            if (current != reader) current.Dispose();
        }
    }

    /// <summary>The loop over the open outer elements; the first call finds the reader on the root, a resumed one on an item.</summary>
    private static void WalkFrom(XmlReader reader, bool atRoot, Stack<(Uri? Base, string Tag)> outer, FeedElementHandlers handlers, StrongBox<XElement?> itemInProgress, List<string> problems, TruncationNotes cuts, CancellationToken ct)
    {
        if (atRoot)
        {
            if (reader.IsEmptyElement) return;
            reader.Read();
        }
        while (outer.Count > 0)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                ReadElement(reader, outer, handlers, itemInProgress, cuts, ct);
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                outer.Pop();
                // Stop at the root's end tag: junk after it is not our concern and must not become a problem.
                if (outer.Count > 0) reader.Read();
            }
            else if (!reader.Read())
            {
                problems.Add("feed body ends before its closing tags; kept the items read before the end");
                return;
            }
        }
    }

    private static void ReadElement(XmlReader reader, Stack<(Uri? Base, string Tag)> outer, FeedElementHandlers handlers, StrongBox<XElement?> itemInProgress, TruncationNotes cuts, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var name = reader.LocalName;
        var outerBase = outer.Peek().Base;
        if (handlers.IsItem(name))
        {
            var item = BoundedElementReader.Read(reader, fieldDepth: 1, cuts, ct, itemInProgress);
            itemInProgress.Value = null;
            handlers.OnItem(item, outerBase);
            reader.Read();
        }
        else if (name == "channel" && !reader.IsEmptyElement)
        {
            outer.Push((XmlBase.Apply(outerBase, reader.GetAttribute("base", FeedNamespaces.Xml)), ReopenedTag(reader)));
            reader.Read();
        }
        else
        {
            handlers.OnFeedElement(BoundedElementReader.Read(reader, fieldDepth: 0, cuts, ct), outerBase);
            reader.Read();
        }
    }

    /// <summary>
    /// The item and, in document order, the items found inside it (an item whose end tag is missing
    /// holds the items after it until the channel's end tag fails to match), each detached from its parent.
    /// Iterative: nesting is bounded by <see cref="FeedLimits.MaxDepth"/> already, but no recursion either way.
    /// </summary>
    private static List<XElement> UnnestedItems(XElement item, Func<string, bool> isItem)
    {
        var items = new List<XElement> { item };
        for (var i = 0; i < items.Count; i++)
        {
            var nested = items[i].Elements().Where(e => isItem(e.Name.LocalName)).ToList();
            foreach (var child in nested) child.Remove();
            items.InsertRange(i + 1, nested);
        }
        return items;
    }

    /// <summary>
    /// A broken item is kept only when it already carries an id or a link (RSS guid/link, Atom id/link):
    /// an item known by its title alone would change identity once the feed is fixed, and alert twice.
    /// </summary>
    private static bool IsIdentified(XElement item) =>
        item.Elements().Any(e => e.Name.LocalName is "guid" or "id" or "link" && (!string.IsNullOrWhiteSpace(e.Value) || e.Attribute("href") is not null));

    /// <summary>The start tag to write again in front of a resumed read: the name and its namespace declarations (xml:base stays on the stack).</summary>
    private static string ReopenedTag(XmlReader reader)
    {
        var tag = new System.Text.StringBuilder("<").Append(reader.Name);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI != XmlnsNamespace) continue;
                var declaration = $" {reader.Name}=\"{SecurityElement.Escape(reader.Value)}\"";
                if (tag.Length + declaration.Length < MaxReopenedTagChars) tag.Append(declaration);
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return tag.Append('>').ToString();
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Line", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
