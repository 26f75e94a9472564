using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>
/// Reads the element an <see cref="XmlReader"/> stands on into an <see cref="XElement"/> in one
/// loop (no recursion), applying <see cref="FeedLimits"/> as it reads: elements nested deeper than
/// <see cref="FeedLimits.MaxDepth"/> or beyond <see cref="FeedLimits.MaxElementsPerItem"/> are
/// flattened (tags dropped, text kept), and text is read in chunks up to its field's cap, so a
/// 4 MB title never becomes a 4 MB string. Only <see cref="KnownXmlNames"/> are kept. Replaces
/// XNode.ReadFrom, which built every field whole and interned every name the feed invented.
/// </summary>
internal static class BoundedElementReader
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>
    /// Reads the element and leaves the reader on its end tag (or on the element itself when it is
    /// empty), so the caller's next Read moves past it. <paramref name="fieldDepth"/> is the depth
    /// (0 = this element) whose local name chooses the text cap: 1 for an item's fields, 0 for a
    /// feed-level element. <paramref name="partial"/>, when given, holds the element from its start tag
    /// on, so a caller catching an <see cref="XmlException"/> still has what was read before it.
    /// </summary>
    public static XElement Read(XmlReader reader, int fieldDepth, TruncationNotes cuts, CancellationToken ct, StrongBox<XElement?>? partial = null)
    {
        var root = NewElement(reader, KnownXmlNames.Element(reader.LocalName, reader.NamespaceURI) ?? KnownXmlNames.Unknown, cuts);
        partial?.Value = root;
        if (reader.IsEmptyElement) return root;
        var open = new List<XElement>(FeedLimits.MaxDepth + 1) { root };
        var flattenedOpen = 0; // elements open below the depth or count limit; their end tags are not ours
        var elements = 1;
        var itemRoom = FeedLimits.MaxItemChars;
        var fieldRoom = fieldDepth == 0 ? FeedLimits.MaxFieldChars(root.Name.LocalName) : 0;
        var fieldName = root.Name.LocalName;
        var fieldCut = false;
        var buffer = new char[4096];
        var nodes = 0;
        var countNoted = false;
        var strayCut = false;
        while (reader.Read())
        {
            if (++nodes % 1024 == 0) ct.ThrowIfCancellationRequested();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var name = KnownXmlNames.Element(reader.LocalName, reader.NamespaceURI);
                    if (flattenedOpen > 0 || open.Count > FeedLimits.MaxDepth || elements >= FeedLimits.MaxElementsPerItem || name is null)
                    {
                        // Unknown names are flattened silently: honest feeds carry extensions nobody reads.
                        if (flattenedOpen == 0 && name is not null) NoteFlattening(open.Count, elements, ref countNoted, cuts);
                        if (!reader.IsEmptyElement) flattenedOpen++;
                        break;
                    }
                    var element = NewElement(reader, name, cuts);
                    elements++;
                    open[^1].Add(element);
                    if (open.Count == fieldDepth)
                    {
                        (fieldName, fieldRoom, fieldCut) = (element.Name.LocalName, FeedLimits.MaxFieldChars(element.Name.LocalName), false);
                    }
                    if (!reader.IsEmptyElement) open.Add(element);
                    break;
                case XmlNodeType.EndElement:
                    if (flattenedOpen > 0)
                    {
                        flattenedOpen--;
                        break;
                    }
                    open.RemoveAt(open.Count - 1);
                    if (open.Count == 0) return root;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    var isCData = reader.NodeType == XmlNodeType.CDATA;
                    var inField = open.Count > fieldDepth; // else stray text between fields, or of a flattened unknown field
                    var room = Math.Min(itemRoom, inField ? fieldRoom : FeedLimits.MaxOtherChars);
                    var (text, complete) = ReadText(reader, room, buffer);
                    itemRoom -= text.Length;
                    if (inField) fieldRoom -= text.Length;
                    if (text.Length > 0) open[^1].Add(isCData ? new XCData(text) : new XText(text));
                    if (complete || (inField ? fieldCut : strayCut)) break;
                    if (inField) fieldCut = true;
                    else strayCut = true;
                    // The name is the feed's to choose: only the fields we read are named, so the notes stay few.
                    var label = inField && FeedLimits.IsReadField(fieldName) ? $"<{fieldName}>" : "other";
                    cuts.Add($"{label} element cut while reading (too long)", $"{label} elements cut while reading (too long)");
                    break;
            }
        }
        throw new XmlException("unexpected end of document inside an element");
    }

    private static void NoteFlattening(int depth, int elements, ref bool countNoted, TruncationNotes cuts)
    {
        if (depth > FeedLimits.MaxDepth)
            cuts.Add($"element nested deeper than {FeedLimits.MaxDepth} levels flattened to text", $"elements nested deeper than {FeedLimits.MaxDepth} levels flattened to text");
        else if (elements >= FeedLimits.MaxElementsPerItem && !countNoted)
        {
            countNoted = true;
            cuts.Add($"element with more than {FeedLimits.Figure(FeedLimits.MaxElementsPerItem)} descendants flattened to text", $"elements with more than {FeedLimits.Figure(FeedLimits.MaxElementsPerItem)} descendants flattened to text");
        }
    }

    /// <summary>Up to <paramref name="room"/> characters of the current text node, read in chunks; the rest is read past, never kept.</summary>
    private static (string Text, bool Complete) ReadText(XmlReader reader, int room, char[] buffer)
    {
        if (!reader.CanReadValueChunk)
        {
            var value = reader.Value;
            return value.Length <= room ? (value, true) : (Cut(value, room), false);
        }
        var kept = new System.Text.StringBuilder();
        var complete = true;
        int read;
        while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
        {
            var take = Math.Min(read, Math.Max(0, room - kept.Length));
            kept.Append(buffer, 0, take);
            if (take < read) complete = false;
        }
        return (complete ? kept.ToString() : Cut(kept.ToString(), room), complete);
    }

    /// <summary>At most <paramref name="max"/> characters, never splitting a surrogate pair.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        if (max > 0 && char.IsHighSurrogate(text[max - 1])) max--;
        return text[..max];
    }

    private static XElement NewElement(XmlReader reader, XName name, TruncationNotes cuts)
    {
        var element = new XElement(name);
        if (!reader.MoveToFirstAttribute()) return element;
        var kept = 0;
        do
        {
            if (reader.NamespaceURI == XmlnsNamespace) continue; // names are already resolved by the reader
            if (KnownXmlNames.Attribute(reader.LocalName, reader.NamespaceURI) is not { } attributeName) continue;
            if (++kept > FeedLimits.MaxAttributes)
            {
                cuts.Add("attribute dropped (too many on one element)", "attributes dropped (too many on one element)");
                continue;
            }
            var value = reader.Value;
            if (value.Length > FeedLimits.MaxOtherChars)
            {
                cuts.Add($"attribute value cut to {FeedLimits.Figure(FeedLimits.MaxOtherChars)} characters", $"attribute values cut to {FeedLimits.Figure(FeedLimits.MaxOtherChars)} characters");
                value = Cut(value, FeedLimits.MaxOtherChars);
            }
            element.SetAttributeValue(attributeName, value);
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
        return element;
    }
}
