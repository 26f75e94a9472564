using System.Text;

namespace NewsBot.Sources.Pages;

/// <summary>
/// One linear pass over a fetched page's HTML before SmartReader sees it: the page is cut to
/// <see cref="MaxChars"/>, tags nested deeper than <see cref="MaxDepth"/> or past the first
/// <see cref="MaxElements"/> elements are dropped (their text stays, in the deepest element kept).
/// SmartReader's work grows with the depth and number of elements (100,000 nested divs cost 89 s of
/// CPU, and SmartReader's time grows about quadratically with the number of elements: 2,000 take
/// 35 ms, 16,000 over a second); honest article pages nest 20–40 deep and hold a few thousand
/// elements, so they pass unchanged.
/// No recursion: a stack of at most <see cref="MaxDepth"/> open tag names.
/// </summary>
public static class PageHtmlBounds
{
    public const int MaxChars = 1_000_000;
    public const int MaxDepth = 100;
    public const int MaxElements = 10_000;

    // HTML: elements that never have content, so never add depth.
    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    // HTML: their content is text up to the matching end tag, never tags.
    private static readonly HashSet<string> RawTextTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext",
    };

    /// <summary>What the pass did, for the page's result.</summary>
    public readonly record struct Outcome(string Html, bool Cut, int DroppedTags);

    public static Outcome Apply(string html) => Apply(html, MaxElements);

    /// <param name="html">The page.</param>
    /// <param name="maxElements">
    /// Elements kept; a reader whose work is linear in the page (link detection) can afford more than
    /// SmartReader's <see cref="MaxElements"/>, which a busy news home page exceeds.
    /// </param>
    public static Outcome Apply(string html, int maxElements)
    {
        var cut = html.Length > MaxChars;
        if (cut) html = html[..MaxChars];
        var output = new StringBuilder(html.Length);
        var open = new List<string>(MaxDepth);
        var droppedOpen = 0; // open tags dropped for depth, whose end tags are dropped too
        var elements = 0;
        var dropped = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                output.Append(html, i, html.Length - i);
                break;
            }
            output.Append(html, i, lt - i);
            var next = html[lt + 1];
            if (next == '!' || next == '?')
            {
                // Comment, doctype, CDATA, processing instruction: copied whole, never nested.
                var end = html.AsSpan(lt).StartsWith("<!--")
                    ? EndAfter(html, "-->", lt + 4)
                    : EndAfter(html, ">", lt + 2);
                output.Append(html, lt, end - lt);
                i = end;
                continue;
            }
            var closing = next == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                output.Append('<'); // a lone '<' is text
                i = lt + 1;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
            var tagEnd = TagEnd(html, nameEnd);
            if (tagEnd < 0) break; // a tag cut off at the end of the page: nothing after it is text
            var name = html.Substring(nameStart, nameEnd - nameStart).ToLowerInvariant();
            i = tagEnd;

            if (closing)
            {
                var at = open.LastIndexOf(name);
                // While dropped tags are open, an end tag closes the innermost of them, unless it
                // names a kept element below the top: then the dropped ones were left unclosed.
                if (droppedOpen > 0 && (at < 0 || at == open.Count - 1))
                {
                    droppedOpen--;
                    DropTag(output, ref dropped);
                }
                else if (at >= 0)
                {
                    droppedOpen = 0;
                    open.RemoveRange(at, open.Count - at);
                    output.Append(html, lt, tagEnd - lt);
                }
                else DropTag(output, ref dropped); // an end tag with no open element: the parser would invent one
                continue;
            }

            CloseImplied(open, name);
            var isVoid = VoidTags.Contains(name);
            var drop = elements >= maxElements || !isVoid && (open.Count >= MaxDepth || droppedOpen > 0);
            if (drop)
            {
                if (!isVoid) droppedOpen++;
                DropTag(output, ref dropped);
            }
            else
            {
                elements++;
                if (!isVoid) open.Add(name);
                output.Append(html, lt, tagEnd - lt);
            }
            if (RawTextTags.Contains(name))
            {
                // Raw text up to its end tag (which the next round handles): copied, or skipped with
                // its dropped tag so a script's code never reads as the article's words.
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var end = close < 0 ? html.Length : close;
                if (!drop) output.Append(html, i, end - i);
                i = end;
            }
        }
        return new Outcome(output.ToString(), cut, dropped);
    }

    private static void DropTag(StringBuilder output, ref int dropped)
    {
        // Keeps the words on either side of a dropped block apart; one space for a run of dropped
        // tags, so 100,000 of them do not become a 100,000-space text node.
        if (output.Length > 0 && output[^1] != ' ') output.Append(' ');
        dropped++;
    }

    /// <summary>HTML closes an open p, li, dt/dd, option, td/th or tr when the next one starts; counting them as nested would exaggerate depth.</summary>
    private static void CloseImplied(List<string> open, string name)
    {
        if (open.Count == 0) return;
        var top = open[^1];
        var implied = name switch
        {
            "p" or "li" or "option" => top == name,
            "dt" or "dd" => top is "dt" or "dd",
            "td" or "th" => top is "td" or "th",
            "tr" => top is "td" or "th" or "tr",
            _ => false,
        };
        if (!implied) return;
        open.RemoveAt(open.Count - 1);
        if (name == "tr" && top is "td" or "th" && open.Count > 0 && open[^1] == "tr") open.RemoveAt(open.Count - 1);
    }

    /// <summary>Index just past the tag's '>', honouring quoted attribute values; -1 when the page ends first.</summary>
    private static int TagEnd(string html, int from)
    {
        var afterEquals = false;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>') return i + 1;
            if (afterEquals && c is '"' or '\'')
            {
                var quote = html.IndexOf(c, i + 1);
                if (quote < 0) return -1;
                i = quote;
                afterEquals = false;
                continue;
            }
            if (c == '=') afterEquals = true;
            else if (!char.IsWhiteSpace(c)) afterEquals = false;
        }
        return -1;
    }

    private static int EndAfter(string html, string terminator, int from)
    {
        var at = html.IndexOf(terminator, Math.Min(from, html.Length), StringComparison.Ordinal);
        return at < 0 ? html.Length : at + terminator.Length;
    }
}
