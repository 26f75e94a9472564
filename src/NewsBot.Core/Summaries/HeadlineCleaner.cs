using System.Net;
using NewsBot.Core.Text;

namespace NewsBot.Core.Summaries;

public static class HeadlineCleaner
{
    /// <summary>Whitespace collapsed and entities decoded; nothing else rewritten (foundation version).</summary>
    public static string Clean(string title, string? sourceName = null) =>
        HtmlToText.NormalizeWhitespace(WebUtility.HtmlDecode(title)).Replace('\n', ' ');
}
