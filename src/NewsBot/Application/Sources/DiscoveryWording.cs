using NewsBot.Sources.Discovery;
using NewsBot.Sources.Reading;

namespace NewsBot.Application.Sources;

/// <summary>
/// The sentences every entry point (chat, Discord, admin console, CLI) uses to say what was found
/// on a page: which feed was chosen and which others exist, that a page has no feed, which links a
/// page source gives. Titles and addresses come from strangers' pages, so each is cut short and at
/// most <see cref="MaxOthers"/> other feeds or <see cref="MaxLinkTitles"/> link titles are named.
/// </summary>
public static class DiscoveryWording
{
    public const int MaxOthers = 3;
    public const int MaxLinkTitles = 3;
    public const int MaxTitleLength = 60;
    public const int MaxUrlLength = 120;

    /// <summary>"found 3 feeds on almayadeen.net, chose 'Latest news' (https://…/rss); others: 'Opinion' (https://…), 'Videos' (https://…)".</summary>
    public static string Choice(FeedDiscoveryResult.Found found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var site = found.Page.Host;
        var text = found.Count == 1
            ? $"found one feed on {site}: {Named(found.Main)}"
            : $"found {found.Count} feeds on {site}, chose {Named(found.Main)}; others: " +
              string.Join(", ", found.Others.Take(MaxOthers).Select(Named)) +
              (found.Others.Count > MaxOthers ? $" and {found.Others.Count - MaxOthers} more" : "");
        return text;
    }

    /// <summary>What was tried on a page without a feed; callers add how their medium adds a page source.</summary>
    public static string NoFeed(FeedDiscoveryResult.NoFeed none)
    {
        ArgumentNullException.ThrowIfNull(none);
        var declared = none.Declared == 0
            ? "it declares no feed (no <link rel=\"alternate\"> of a feed type)"
            : $"the {none.Declared} feed link(s) it declares do not read as feeds";
        var links = none.ArticleLinks.Count == 0 ? ""
            : $". The page itself lists {none.ArticleLinks.Count} article link{(none.ArticleLinks.Count == 1 ? "" : "s")}, e.g. " +
              string.Join(", ", none.ArticleLinks.Take(MaxLinkTitles).Select(i => Quote(i.Title)));
        return $"{Url(none.Page)} is a web page without a feed: {declared}, and none of its site's common feed addresses " +
               $"({string.Join(", ", CommonFeedPaths.Paths.Take(4))}, …) holds one ({none.Checked} addresses tried){links}";
    }

    /// <summary>"12 links, e.g. 'Port reopens', 'Ferry strike ends', 'Tide tables'" for a page source's test read.</summary>
    public static string PageLinks(FeedRead.Read read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var items = read.Feed.Items;
        var examples = string.Join(", ", items.Take(MaxLinkTitles).Select(i => Quote(i.Title)));
        return $"{items.Count} link{(items.Count == 1 ? "" : "s")}, e.g. {examples}";
    }

    private static string Named(FoundFeed feed) => $"{Quote(feed.Title ?? feed.Url.Host)} ({Url(feed.Url)})";

    private static string Quote(string? title) => "'" + Cut(title ?? "", MaxTitleLength) + "'";

    private static string Url(Uri url) => Cut(url.AbsoluteUri, MaxUrlLength);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
