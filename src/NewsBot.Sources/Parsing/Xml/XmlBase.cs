using System.Xml.Linq;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>
/// xml:base (https://www.w3.org/TR/xmlbase/): each element's base is its own xml:base resolved
/// against its parent's base, ending at the document URL. Items are read as detached elements, so
/// the base in effect outside the item is passed in.
/// </summary>
public static class XmlBase
{
    private static readonly XName BaseAttribute = XName.Get("base", FeedNamespaces.Xml);

    /// <summary>The base in effect on <paramref name="element"/>, walking up to the top of its (detached) tree.</summary>
    public static Uri? Of(XElement element, Uri? outer)
    {
        var chain = element.AncestorsAndSelf().Select(e => (string?)e.Attribute(BaseAttribute)).Where(b => b is not null).Reverse();
        var current = outer;
        foreach (var value in chain) current = Apply(current, value);
        return current;
    }

    /// <summary>
    /// The base in effect on <paramref name="element"/> when it or an ancestor inside its (detached) item
    /// sets xml:base, else null: the nearest explicit base, which outranks the item's link as the base
    /// for the item's HTML.
    /// </summary>
    public static Uri? WithinItem(XElement element, Uri? outer) =>
        element.AncestorsAndSelf().Any(e => e.Attribute(BaseAttribute) is not null) ? Of(element, outer) : null;

    /// <summary>The base after an element carrying <paramref name="xmlBase"/> (null when it has none).</summary>
    public static Uri? Apply(Uri? current, string? xmlBase)
    {
        if (string.IsNullOrWhiteSpace(xmlBase)) return current;
        return Resolve(current, xmlBase) is { } resolved && IsAbsolute(resolved, out var uri) ? uri : current;
    }

    /// <summary>
    /// An absolute http(s) URL for <paramref name="reference"/>; the trimmed reference itself when it
    /// is relative and there is nothing to resolve it against; null for blank input and for other
    /// schemes (javascript:, data:, file:), which no reader should be sent to.
    /// </summary>
    public static string? Resolve(Uri? baseUri, string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        reference = reference.Trim();
        if (IsAbsolute(reference, out var absolute)) return IsWeb(absolute) ? absolute.AbsoluteUri : null;
        if (baseUri is not null && Uri.TryCreate(baseUri, reference, out var resolved)) return IsWeb(resolved) ? resolved.AbsoluteUri : null;
        if (reference.StartsWith("//", StringComparison.Ordinal)) return "https:" + reference;
        return reference;
    }

    /// <summary>On Unix, .NET reads "/path" as an absolute file: URI; in a feed it is a relative reference.</summary>
    private static bool IsAbsolute(string reference, out Uri uri) =>
        Uri.TryCreate(reference, UriKind.Absolute, out uri!) && reference[0] is not ('/' or '\\');

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;
}
