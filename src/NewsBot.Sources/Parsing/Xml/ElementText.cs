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
    /// The element's content as HTML: text nodes escaped, CDATA copied raw, child elements serialized
    /// without namespace prefixes or declarations (XHTML content becomes plain HTML).
    /// </summary>
    public static string InnerMarkup(XElement element)
    {
        var html = new StringBuilder();
        foreach (var node in element.Nodes()) Append(node, html);
        return html.ToString();
    }

    private static void Append(XNode node, StringBuilder html)
    {
        switch (node)
        {
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
                foreach (var grandChild in child.Nodes()) Append(grandChild, html);
                html.Append("</").Append(child.Name.LocalName).Append('>');
                break;
        }
    }
}
