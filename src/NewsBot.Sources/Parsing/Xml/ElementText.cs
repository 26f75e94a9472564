using System.Text;
using System.Xml.Linq;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>Reads the text or markup inside an element, whether the feed escaped its HTML, wrapped it in CDATA or inlined it as elements.</summary>
public static class ElementText
{
    /// <summary>Text content (CDATA included); null when the element is absent or blank.</summary>
    public static string? Text(XElement? element)
    {
        if (element is null) return null;
        var value = element.HasElements ? InnerMarkup(element) : element.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// All text below the element, tags ignored, like <see cref="XElement.Value"/> but in a loop:
    /// XElement.Value recurses once per nesting level.
    /// </summary>
    public static string PlainText(XElement element)
    {
        if (!element.HasElements) return element.Value;
        var text = new StringBuilder();
        foreach (var node in element.DescendantNodes())
            if (node is XText t) text.Append(t.Value);
        return text.ToString();
    }

    /// <summary>
    /// The element's content as HTML: text nodes escaped, CDATA copied raw, child elements serialized
    /// without namespace prefixes or declarations (XHTML content becomes plain HTML). Walks the tree
    /// with an explicit stack: a recursive walk would let the document decide the stack depth.
    /// </summary>
    public static string InnerMarkup(XElement element)
    {
        var html = new StringBuilder();
        var pending = new Stack<(XNode Node, bool Close)>();
        PushChildren(element, pending);
        while (pending.TryPop(out var entry))
        {
            switch (entry.Node)
            {
                case XElement closing when entry.Close:
                    html.Append("</").Append(closing.Name.LocalName).Append('>');
                    break;
                case XCData cdata:
                    html.Append(cdata.Value);
                    break;
                case XText text:
                    html.Append(System.Net.WebUtility.HtmlEncode(text.Value));
                    break;
                case XElement child:
                    html.Append('<').Append(child.Name.LocalName);
                    foreach (var attribute in child.Attributes().Where(a => !a.IsNamespaceDeclaration))
                        html.Append(' ').Append(attribute.Name.LocalName).Append("=\"").Append(System.Net.WebUtility.HtmlEncode(attribute.Value)).Append('"');
                    if (child.IsEmpty)
                    {
                        html.Append(" />");
                        break;
                    }
                    html.Append('>');
                    pending.Push((child, true));
                    PushChildren(child, pending);
                    break;
            }
        }
        return html.ToString();
    }

    /// <summary>Pushed last-first, so they pop in document order.</summary>
    private static void PushChildren(XElement element, Stack<(XNode Node, bool Close)> pending)
    {
        for (var node = element.LastNode; node is not null; node = node.PreviousNode) pending.Push((node, false));
    }
}
