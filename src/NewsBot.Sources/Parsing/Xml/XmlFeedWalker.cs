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
/// download, a stray '&lt;' in one item) keeps every item completed before the break. The reader
/// must stand on the root element. The root and RSS &lt;channel&gt; are descended into; items and
/// all other elements are read whole, within <see cref="FeedLimits"/> (see <see cref="BoundedElementReader"/>).
/// </summary>
public static class XmlFeedWalker
{
    public static void Walk(XmlReader reader, Uri? documentUrl, FeedElementHandlers handlers, List<string> problems, TruncationNotes cuts, CancellationToken ct)
    {
        var bases = new Stack<Uri?>();
        try
        {
            bases.Push(XmlBase.Apply(documentUrl, reader.GetAttribute("base", FeedNamespaces.Xml)));
            if (reader.IsEmptyElement) return;
            reader.Read();
            while (bases.Count > 0)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    ReadElement(reader, bases, handlers, cuts, ct);
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    bases.Pop();
                    // Stop at the root's end tag: junk after it is not our concern and must not become a problem.
                    if (bases.Count > 0) reader.Read();
                }
                else if (!reader.Read())
                {
                    problems.Add("feed body ends before its closing tags; kept the items read before the end");
                    return;
                }
            }
        }
        catch (XmlException e)
        {
            problems.Add($"feed body breaks off at line {e.LineNumber}, position {e.LinePosition} ({FirstSentence(e.Message)}); kept the items read before it");
        }
    }

    private static void ReadElement(XmlReader reader, Stack<Uri?> bases, FeedElementHandlers handlers, TruncationNotes cuts, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var name = reader.LocalName;
        if (handlers.IsItem(name))
        {
            handlers.OnItem(BoundedElementReader.Read(reader, fieldDepth: 1, cuts, ct), bases.Peek());
            reader.Read();
        }
        else if (name == "channel" && !reader.IsEmptyElement)
        {
            bases.Push(XmlBase.Apply(bases.Peek(), reader.GetAttribute("base", FeedNamespaces.Xml)));
            reader.Read();
        }
        else
        {
            handlers.OnFeedElement(BoundedElementReader.Read(reader, fieldDepth: 0, cuts, ct), bases.Peek());
            reader.Read();
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Line", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
