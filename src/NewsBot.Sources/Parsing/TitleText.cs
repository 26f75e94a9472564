using NewsBot.Core.Text;

namespace NewsBot.Sources.Parsing;

/// <summary>Turns a feed title into one line of plain text.</summary>
internal static class TitleText
{
    /// <summary>
    /// For titles that may carry HTML: tags stripped, entities decoded once more and whitespace
    /// collapsed. RSS titles are frequently HTML-escaped on top of the XML escaping, so the XML
    /// text <![CDATA["AT&amp;amp;T" reads "AT&amp;T" and then "AT&amp;T" → "AT&T"]]>.
    /// </summary>
    public static string FromHtml(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : HtmlToText.Convert(html).Replace('\n', ' ');

    /// <summary>For titles the format defines as plain text: only whitespace collapsed.</summary>
    public static string FromPlain(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : HtmlToText.NormalizeWhitespace(text).Replace('\n', ' ');
}
