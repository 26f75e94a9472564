using AngleSharp;
using AngleSharp.Html.Parser;
using NewsBot.Sources.Pages;
using NewsBot.Sources.Pages.Links;

namespace NewsBot.Sources.Discovery;

/// <summary>A feed a web page declares: its absolute address and the title the page gives it.</summary>
public sealed record FeedLink(Uri Url, string? Title)
{
    /// <summary>A comment feed (WordPress declares one next to the main feed): listed, never chosen first.</summary>
    public bool IsComments =>
        Url.AbsoluteUri.Contains("comment", StringComparison.OrdinalIgnoreCase) ||
        (Title?.Contains("comment", StringComparison.OrdinalIgnoreCase) ?? false);
}

/// <summary>
/// The feeds a page declares with <c>&lt;link rel="alternate" type="…" href="…"&gt;</c> (the RSS and
/// Atom autodiscovery convention, also used for JSON Feed), in page order, resolved against
/// <c>&lt;base href&gt;</c>. The page is cut by <see cref="PageHtmlBounds"/> before AngleSharp parses it.
/// </summary>
public static class FeedLinks
{
    /// <summary>Links kept from one page; a page declaring more is a page nobody should have to read to the end.</summary>
    public const int MaxLinks = 10;

    /// <summary>Titles are stranger text shown in replies; kept to a length a reply can hold.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The Sources.Url column's size: a longer address could not be stored anyway.</summary>
    public const int MaxUrlLength = 2048;

    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml",
    };

    // Sites also declare sitemaps and APIs as generic XML; those count only when their title or address says feed.
    private static readonly HashSet<string> GenericXmlTypes = new(StringComparer.OrdinalIgnoreCase) { "text/xml", "application/xml" };

    private static readonly string[] FeedWords = ["rss", "atom", "feed"];

    public static IReadOnlyList<FeedLink> Find(byte[] body, Uri pageUrl, string? httpCharset, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var html = PageHtmlBounds.Apply(PageCharset.Decode(body, httpCharset, [])).Html; // a page declares its charset in a meta tag, not a prolog
        var parser = new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default));
        using var document = parser.ParseDocumentAsync(html, ct).GetAwaiter().GetResult();
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href
                      && Uri.TryCreate(pageUrl, href.Trim(), out var declared) && IsWeb(declared)
            ? declared
            : pageUrl;
        var links = new List<FeedLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            ct.ThrowIfCancellationRequested();
            if (!IsAlternate(link.GetAttribute("rel"))) continue;
            var title = Title(link.GetAttribute("title"));
            if (!Uri.TryCreate(baseUrl, link.GetAttribute("href")!.Trim(), out var url) || !IsWeb(url)) continue;
            if (!IsFeedType(link.GetAttribute("type"), title, url) || url.AbsoluteUri.Length > MaxUrlLength) continue;
            if (!seen.Add(url.AbsoluteUri)) continue;
            links.Add(new FeedLink(url, title));
            if (links.Count == MaxLinks) break;
        }
        return links;
    }

    /// <summary>rel is a set of space-separated tokens, compared ASCII case-insensitively (HTML "link types").</summary>
    private static bool IsAlternate(string? rel) =>
        rel is not null && rel.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)
            .Any(token => token.Equals("alternate", StringComparison.OrdinalIgnoreCase));

    private static bool IsFeedType(string? type, string? title, Uri url)
    {
        var mediaType = type?.Split(';', 2)[0].Trim() ?? "";
        if (FeedTypes.Contains(mediaType)) return true;
        if (!GenericXmlTypes.Contains(mediaType)) return false;
        return FeedWords.Any(w => (title?.Contains(w, StringComparison.OrdinalIgnoreCase) ?? false)
                                  || url.AbsolutePath.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Only the web: a page must never point the reader at a file on the server or another scheme.</summary>
    internal static bool IsWeb(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static string? Title(string? text)
    {
        if (text is null) return null;
        var words = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (words.Length == 0) return null;
        return words.Length <= MaxTitleLength ? words : words[..(MaxTitleLength - 1)] + "…";
    }
}
