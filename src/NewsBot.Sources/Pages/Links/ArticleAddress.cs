using System.Net;
using System.Text.RegularExpressions;

namespace NewsBot.Sources.Pages.Links;

/// <summary>
/// What a link's address says about it: whether it stays on the page's site, whether it is plainly
/// not an article (a tag page, a login, a share button), and whether it has an article's shape (a
/// date, a long slug, a numeric id), which real news sites give their story addresses.
/// </summary>
internal static partial class ArticleAddress
{
    /// <summary>Path segments of pages that list or manage articles rather than being one.</summary>
    private static readonly HashSet<string> NonArticleSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "tag", "tags", "category", "categories", "author", "authors", "topic", "topics", "login", "signin", "sign-in",
        "logout", "register", "signup", "sign-up", "subscribe", "account", "search", "share", "print", "feed", "rss",
        "wp-login.php", "wp-admin", "privacy", "privacy-policy", "terms", "cookies", "cookie-policy", "contact",
        "contact-us", "about", "about-us", "newsletter", "newsletters",
    };

    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".pdf", ".xml", ".rss", ".zip", ".mp3", ".mp4", ".css", ".js",
    };

    /// <summary>
    /// The link's address without its fragment when it may be an article of the page's site; null for
    /// another site, another scheme (mailto:, javascript:), the page itself, the home page, or a plain non-article.
    /// </summary>
    public static Uri? Candidate(Uri pageUrl, Uri baseUrl, string href)
    {
        if (href.Length == 0 || href[0] == '#' || href.Length > Parsing.FeedLimits.MaxLinkChars) return null;
        if (!Uri.TryCreate(baseUrl, href.Trim(), out var target) || target.Scheme is not ("http" or "https")) return null;
        if (!SameSite(pageUrl.Host, target.Host)) return null;
        var path = target.AbsolutePath;
        if (path.Length <= 1 && target.Query.Length == 0) return null; // the home page
        if (Unfragmented(target).Equals(Unfragmented(pageUrl))) return null;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            if (NonArticleSegments.Contains(segment)) return null;
        if (FileExtensions.Contains(Path.GetExtension(path))) return null;
        if (PaginationOrAction().IsMatch(target.PathAndQuery)) return null;
        return Unfragmented(target);
    }

    /// <summary>A date, a numeric id or a long slug: how news sites address their stories (section pages have none).</summary>
    public static bool LooksLikeArticle(Uri address)
    {
        var path = address.AbsolutePath;
        if (DateInPath().IsMatch(path) || NumericId().IsMatch(address.PathAndQuery)) return true;
        var last = path.TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var separators = last.Count(c => c is '-' or '_');
        return separators >= 3 || last.Length >= 30;
    }

    /// <summary>
    /// The same site: equal hosts after "www.", or one host under the other's registrable name, so
    /// www.example.com links to news.example.com count. The registrable name is the last two labels, or
    /// three under a two-letter country code with a short second level (bbc.co.uk, abc.net.au) — an
    /// approximation of the Public Suffix List that needs no list kept up to date.
    /// </summary>
    public static bool SameSite(string pageHost, string linkHost)
    {
        var page = pageHost.ToLowerInvariant();
        var link = linkHost.ToLowerInvariant();
        if (page == link) return true;
        if (IPAddress.TryParse(page.Trim('[', ']'), out _)) return false;
        var site = Registrable(page);
        var linkSite = Registrable(link);
        return link == site || link.EndsWith("." + site, StringComparison.Ordinal)
            || page == linkSite || page.EndsWith("." + linkSite, StringComparison.Ordinal);
    }

    private static string Registrable(string host)
    {
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var labels = host.Split('.');
        if (labels.Length <= 2) return host;
        var keep = labels[^1].Length == 2 && labels[^2].Length <= 3 ? 3 : 2;
        return string.Join('.', labels[^keep..]);
    }

    public static Uri Unfragmented(Uri uri)
    {
        if (uri.Fragment.Length == 0) return uri;
        return new UriBuilder(uri) { Fragment = "" }.Uri;
    }

    /// <summary>2024/05/12, 2024-05-12, 20240512 in the path. Linear engine; paths are at most 2,048 characters.</summary>
    [GeneratedRegex(@"(?:^|[/_-])(?:19|20)\d\d(?:[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])(?:\D|$))", RegexOptions.NonBacktracking)]
    private static partial Regex DateInPath();

    /// <summary>A run of five or more digits: story ids (/article/123456, -a1234567.html, ?id=98765).</summary>
    [GeneratedRegex(@"\d{5,}", RegexOptions.NonBacktracking)]
    private static partial Regex NumericId();

    /// <summary>WordPress-style pagination (/page/2) and action links (?share=, ?replytocom=, ?action=).</summary>
    [GeneratedRegex(@"/page/\d+/?$|[?&](?:share|replytocom|action|like_comment)=", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PaginationOrAction();
}
