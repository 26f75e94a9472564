using AngleSharp.Html;

namespace NewsBot.Sources.Parsing.Xml;

/// <summary>
/// The full HTML5 named character reference table (WHATWG HTML §13.5, 2,231 names) as kept by
/// AngleSharp. WebUtility.HtmlDecode only knows the 253 HTML 4 names, so "&amp;check;" or
/// "&amp;lbrack;" would survive as text.
/// </summary>
public static class HtmlEntities
{
    /// <summary>The characters for <c>&amp;name;</c>, or null when HTML has no such name.</summary>
    public static string? Decode(ReadOnlySpan<char> name)
    {
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(string.Concat(name, ";"));
        return string.IsNullOrEmpty(symbol) ? null : symbol;
    }
}
