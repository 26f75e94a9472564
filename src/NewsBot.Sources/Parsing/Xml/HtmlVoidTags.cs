namespace NewsBot.Sources.Parsing.Xml;

/// <summary>
/// HTML void elements (WHATWG HTML §13.1.2) written the HTML way inside feed markup: "&lt;br&gt;",
/// "&lt;img src=…&gt;", "&lt;hr&gt;" never get an end tag, and a strict XML reader would stop at the
/// end tag of whatever encloses them. <see cref="XmlTextRepair"/> closes them in place. &lt;link&gt; and
/// &lt;source&gt; are void in HTML too but are RSS elements with content, so they are left alone.
/// </summary>
internal static class HtmlVoidTags
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "br", "col", "embed", "hr", "img", "input", "param", "track", "wbr",
    };

    /// <summary>
    /// At a '&lt;' in <paramref name="text"/>: the index of the '&gt;' ending a void start tag that is not
    /// self-closed, or of a void end tag ("&lt;/br&gt;", which HTML ignores or reads as another break);
    /// -1 for anything else. The scan stops at the next '&lt;', so the characters it looks at are never
    /// looked at by another call: the repair stays one pass.
    /// </summary>
    public static int TagEnd(string text, int at, out bool isEndTag)
    {
        var i = at + 1;
        isEndTag = i < text.Length && text[i] == '/';
        if (isEndTag) i++;
        var nameStart = i;
        while (i < text.Length && i - nameStart <= 5 && char.IsAsciiLetter(text[i])) i++;
        if (i >= text.Length || !Names.Contains(text[nameStart..i]) || !(char.IsWhiteSpace(text[i]) || text[i] is '>' or '/')) return -1;
        var quote = '\0';
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else if (c == '<') return -1;
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '<') return -1;
            else if (c == '>') return isEndTag || text[i - 1] != '/' ? i : -1;
        }
        return -1;
    }
}
