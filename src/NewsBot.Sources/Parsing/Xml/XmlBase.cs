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

    /// <summary>The base after an element carrying <paramref name="xmlBase"/> (null when it has none).</summary>
    public static Uri? Apply(Uri? current, string? xmlBase)
    {
        if (string.IsNullOrWhiteSpace(xmlBase)) return current;
        return Resolve(current, xmlBase) is { } resolved && Uri.TryCreate(resolved, UriKind.Absolute, out var uri) ? uri : current;
    }

    /// <summary>
    /// An absolute URL for <paramref name="reference"/>, or the trimmed reference itself when there is
    /// nothing to resolve it against; null for blank input.
    /// </summary>
    public static string? Resolve(Uri? baseUri, string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        reference = reference.Trim();
        if (Uri.TryCreate(reference, UriKind.Absolute, out var absolute) && absolute.Scheme is not ("file"))
            return absolute.AbsoluteUri;
        if (baseUri is not null && Uri.TryCreate(baseUri, reference, out var resolved)) return resolved.AbsoluteUri;
        if (reference.StartsWith("//", StringComparison.Ordinal)) return "https:" + reference;
        return reference;
    }
}
