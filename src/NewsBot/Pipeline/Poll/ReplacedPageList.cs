using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// A page source whose links are all new at once has most likely changed its layout, or detection
/// now finds another list on it (a "trending" box where the headlines were): alerting them would send
/// a page's worth of old stories as news. They are recorded as seen, as on a first fetch, and the
/// source's health says so. A news page turns over a few links between polls, never its whole list.
/// </summary>
internal static class ReplacedPageList
{
    /// <summary>Below this, a short list turning over completely between two polls is plausible news.</summary>
    public const int MinLinks = 5;

    /// <param name="hadFirstFetch">Whether the source had been read before this poll (a first fetch records its links as seen anyway).</param>
    public static bool Suspected(Source source, bool hadFirstFetch, int links, int newLinks) =>
        source.Kind == SourceKind.Page && hadFirstFetch && links >= MinLinks && newLinks == links;

    public static string Warning(int links) =>
        $"page links: all {links} links on the page are new at once (a new layout, or another list found); recorded as seen, not alerted; give a CSS selector if the list is wrong";
}
