using System.Xml.Linq;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>
/// The element and attribute names we keep when reading a feed. XName.Get interns every name in a
/// process-wide table that is never trimmed while a namespace is in use, so a feed inventing fresh
/// names on every poll (&lt;a1f3&gt;, &lt;b77c&gt;…) would grow memory for as long as the service runs.
/// Other elements are flattened (tags dropped, text kept) and other attributes dropped: no reader
/// looks at them, and the text stage turns markup into text anyway.
/// </summary>
internal static class KnownXmlNames
{
    private static readonly HashSet<string> Namespaces =
    [
        "", FeedNamespaces.Atom10, FeedNamespaces.Atom03, FeedNamespaces.Rdf, FeedNamespaces.Rss10, FeedNamespaces.Rss090, FeedNamespaces.Rss20UserLand, FeedNamespaces.Rss20UserLandShort,
        FeedNamespaces.DublinCore, FeedNamespaces.Content, FeedNamespaces.Media, FeedNamespaces.Itunes, FeedNamespaces.Xhtml, FeedNamespaces.Xml,
    ];

    /// <summary>Feed vocabulary (RSS 0.9x–2.0, RSS 1.0, Atom 0.3/1.0, Dublin Core, content, Media RSS, iTunes) and the HTML elements (WHATWG HTML §4).</summary>
    private static readonly HashSet<string> Elements =
    [
        // feeds
        "rss", "RDF", "channel", "feed", "item", "entry", "title", "link", "guid", "description", "pubDate", "author", "category",
        "comments", "enclosure", "source", "encoded", "date", "creator", "subject", "updated", "published", "issued", "modified",
        "id", "summary", "content", "name", "email", "uri", "url", "group", "thumbnail", "image", "language", "copyright",
        "lastBuildDate", "generator", "ttl", "tagline", "subtitle", "rights", "icon", "logo", "contributor", "explicit", "duration",
        // HTML
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blockquote", "body", "br", "button",
        "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "dialog", "div", "dl",
        "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "main", "map", "mark",
        "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "span", "strike", "strong", "style",
        "sub", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "tr", "track", "tt", "u", "ul",
        "var", "video", "wbr",
    ];

    /// <summary>Attributes some reader or the text stage uses.</summary>
    private static readonly HashSet<string> Attributes =
    [
        "href", "rel", "type", "src", "alt", "title", "isPermaLink", "about", "resource", "base", "lang", "mode", "url", "medium",
        "length", "label", "term", "scheme", "version", "hreflang", "datetime", "cite", "srcset", "width", "height",
    ];

    /// <summary>The name to use for an element inside what is read, or null when it is to be flattened.</summary>
    public static XName? Element(string localName, string namespaceUri) =>
        Elements.Contains(localName) && Namespaces.Contains(namespaceUri) ? XName.Get(localName, namespaceUri) : null;

    /// <summary>An element handed out whole (an item, a feed-level element) always needs a name: an unknown one gets this neutral one.</summary>
    public static readonly XName Unknown = XName.Get("unknown-element");

    public static XName? Attribute(string localName, string namespaceUri) =>
        Attributes.Contains(localName) && Namespaces.Contains(namespaceUri) ? XName.Get(localName, namespaceUri) : null;
}
