using System.Net;
using System.Text;

namespace NewsBot.Core.Text;

/// <summary>
/// Turns feed HTML into plain text: tags removed, entities decoded, block elements become line
/// breaks (summaries drop boilerplate line by line), script/style contents dropped.
/// </summary>
public static class HtmlToText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "hr", "pre",
    };

    private static readonly HashSet<string> DroppedTags = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template" };

    public static string Convert(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length || !(char.IsLetter(html[i + 1]) || html[i + 1] is '/' or '!'))
            {
                text.Append(c);
                i++;
                continue;
            }
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            var end = html.IndexOf('>', i);
            if (end < 0) break; // a tag cut off by truncation: drop the rest
            var name = TagName(html.AsSpan(i + 1, end - i - 1));
            if (BlockTags.Contains(name)) text.Append('\n');
            i = end + 1;
            if (DroppedTags.Contains(name) && html[i - 2] != '/')
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : Math.Max(i, html.IndexOf('>', close) + 1);
                if (i == 0) i = html.Length;
            }
        }
        return NormalizeWhitespace(WebUtility.HtmlDecode(text.ToString()));
    }

    private static string TagName(ReadOnlySpan<char> inside)
    {
        inside = inside.TrimStart('/');
        var n = 0;
        while (n < inside.Length && (char.IsLetterOrDigit(inside[n]) || inside[n] == '-')) n++;
        return inside[..n].ToString();
    }

    /// <summary>Collapses runs of spaces within lines and drops empty lines.</summary>
    public static string NormalizeWhitespace(string text)
    {
        var lines = text.Replace("\r", "").Split('\n')
            .Select(line => string.Join(' ', line.Split([' ', '\t', '\u00A0', '\f', '\v'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }
}
