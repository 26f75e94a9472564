using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Text;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Pages.Links;

/// <summary>
/// Turns a web page's bytes into text the way browsers do (WHATWG "determine the character
/// encoding"): a byte order mark, then the HTTP charset, then a <c>&lt;meta charset&gt;</c> or
/// <c>http-equiv</c> declaration near the top, then UTF-8 with a windows-1252 fallback. Feeds declare
/// their encoding in the XML prolog, pages in a meta tag, so <see cref="FeedCharset"/> alone misreads
/// a windows-1256 Arabic page that says so only in its head.
/// </summary>
internal static partial class PageCharset
{
    /// <summary>
    /// Browsers prescan the first 1,024 bytes; pages that put the meta tag after a long comment or
    /// inline style still get it right because the parser switches later, so we look a little further.
    /// </summary>
    private const int PrescanBytes = 4_096;

    static PageCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] body, string? httpCharset, List<string> problems)
    {
        var hasBom = body is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        if (hasBom || !string.IsNullOrWhiteSpace(httpCharset) || MetaCharset(body) is not { } declared)
            return FeedCharset.Decode(body, httpCharset, problems);
        if (!TextEncoding.IsSupported(declared))
        {
            problems.Add($"charset '{declared}' declared in the page's meta tag is unknown; read as UTF-8");
            return FeedCharset.Decode(body, null, problems);
        }
        var encoding = TextEncoding.Resolve(declared);
        // WHATWG: a meta tag naming UTF-16 is read as UTF-8 (the bytes were ASCII-compatible to be read at all).
        if (TextEncoding.IsUnicode(encoding) || encoding.CodePage == Encoding.UTF8.CodePage)
            return FeedCharset.Decode(body, null, problems);
        return FeedCharset.Decode(body, encoding.WebName, problems);
    }

    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, PrescanBytes));
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <remarks>Both forms: <c>&lt;meta charset="x"&gt;</c> and <c>content="text/html; charset=x"</c>. Linear engine, at most 4,096 characters.</remarks>
    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,64})""", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MetaCharsetPattern();
}
