using System.Text;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing;

/// <summary>
/// Makes the URLs inside an item's HTML absolute (FeedItem promises absolute links): href, src and
/// srcset values are resolved against the item's base. One pass over the HTML, only attribute values
/// rewritten, the rest copied as written. Absolute URLs, "mailto:", "data:", fragment-only and empty
/// values are left alone; resolving never yields anything but http(s) (<see cref="XmlBase.Resolve"/>).
/// </summary>
internal static class ItemHtmlLinks
{
    public static string? Resolve(string? html, Uri? baseUri)
    {
        if (html is null || baseUri is null || html.IndexOf('<') < 0) return html;
        StringBuilder? output = null; // only built once a value changes
        var copied = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            i++;
            if (i >= html.Length || !char.IsAsciiLetter(html[i])) continue;
            while (i < html.Length && html[i] is not ('>' or '<'))
            {
                if (!char.IsAsciiLetter(html[i]) || !char.IsWhiteSpace(html[i - 1]))
                {
                    i = SkipQuoted(html, i);
                    continue;
                }
                var nameStart = i;
                while (i < html.Length && (char.IsAsciiLetter(html[i]) || html[i] == '-')) i++;
                var name = html.AsSpan(nameStart, i - nameStart);
                var (valueStart, valueEnd, next) = Value(html, i);
                i = next;
                if (valueStart < 0 || !IsUrlAttribute(name)) continue;
                var value = html[valueStart..valueEnd];
                var resolved = name.Equals("srcset", StringComparison.OrdinalIgnoreCase) ? SrcSet(value, baseUri) : One(value, baseUri);
                if (resolved == value) continue;
                output ??= new StringBuilder(html.Length + 256);
                output.Append(html, copied, valueStart - copied).Append(resolved);
                copied = valueEnd;
            }
        }
        return output is null ? html : output.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>An absolute http(s) URL as a base, or null (a link kept relative for lack of a base is no base).</summary>
    public static Uri? WebUri(string? link) =>
        link is not null && link.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" ? uri : null;

    private static bool IsUrlAttribute(ReadOnlySpan<char> name) =>
        name.Equals("href", StringComparison.OrdinalIgnoreCase) || name.Equals("src", StringComparison.OrdinalIgnoreCase)
        || name.Equals("srcset", StringComparison.OrdinalIgnoreCase) || name.Equals("poster", StringComparison.OrdinalIgnoreCase);

    /// <summary>Past a quoted run (or one character): a '&gt;' inside quotes does not end the tag.</summary>
    private static int SkipQuoted(string html, int i)
    {
        if (html[i] is not ('"' or '\'')) return i + 1;
        var end = html.IndexOf(html[i], i + 1);
        return end < 0 ? html.Length : end + 1;
    }

    /// <summary>After an attribute name: the value's bounds (start -1 when there is none) and where to go on.</summary>
    private static (int Start, int End, int Next) Value(string html, int i)
    {
        var j = i;
        while (j < html.Length && char.IsWhiteSpace(html[j])) j++;
        if (j >= html.Length || html[j] != '=') return (-1, -1, i);
        j++;
        while (j < html.Length && char.IsWhiteSpace(html[j])) j++;
        if (j >= html.Length) return (-1, -1, j);
        if (html[j] is '"' or '\'')
        {
            var end = html.IndexOf(html[j], j + 1);
            return end < 0 ? (-1, -1, html.Length) : (j + 1, end, end + 1);
        }
        var stop = j;
        while (stop < html.Length && !char.IsWhiteSpace(html[stop]) && html[stop] != '>') stop++;
        return (j, stop, stop);
    }

    private static string One(string value, Uri baseUri)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed[0] == '#' || HasScheme(trimmed)) return value;
        return XmlBase.Resolve(baseUri, trimmed) ?? value;
    }

    /// <summary>"a.jpg 1x, b.jpg 2x": each candidate's URL resolved, its descriptor kept.</summary>
    private static string SrcSet(string value, Uri baseUri) => string.Join(", ", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(candidate =>
    {
        var space = candidate.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? One(candidate, baseUri) : One(candidate[..space], baseUri) + candidate[space..];
    }));

    /// <summary>"https:", "mailto:", "data:", "javascript:": a scheme (RFC 3986 §3.1) before any '/', '?' or '#'.</summary>
    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        for (var k = 0; k < colon; k++)
            if (!(char.IsAsciiLetterOrDigit(value[k]) || value[k] is '+' or '-' or '.') || (k == 0 && !char.IsAsciiLetter(value[0]))) return false;
        return true;
    }
}
