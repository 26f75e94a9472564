namespace NewsBot.Sources.Discovery;

/// <summary>
/// Where sites keep their feed when the home page does not say: WordPress (/feed), many CMSs
/// (/rss, /rss.xml), static site generators (/atom.xml, /feed.xml, /index.xml from Hugo,
/// /feed.json), Blogger (/feeds/posts/default). Tried in this order, most common first.
/// </summary>
public static class CommonFeedPaths
{
    public static IReadOnlyList<string> Paths { get; } =
        ["/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml", "/feed.json", "/feeds/posts/default"];

    /// <summary>The paths on the site of <paramref name="page"/> (its scheme, host and port), in order.</summary>
    public static IEnumerable<Uri> On(Uri page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var site = new Uri(page.GetLeftPart(UriPartial.Authority));
        return Paths.Select(path => new Uri(site, path));
    }
}
