using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsBot.Core.Text;
using NewsBot.Sources.Parsing;
using static NewsBot.Sources.Parsing.FeedLimits;

namespace NewsBot.Sources.Pages.Links;

/// <summary>
/// Reads a web page without a feed as if it were one: each article link is an item, its anchor
/// text the title and its absolute address the link and id. The links are those a CSS selector
/// picks, or, without one, the page's main list of article links (<see cref="MainLinkList"/>).
/// Items carry no date: a link new to the source is a new item.
/// </summary>
public static class PageLinkList
{
    /// <summary>
    /// Elements read from one page. Link detection is linear in the page, so it can afford more
    /// than SmartReader's <see cref="PageHtmlBounds.MaxElements"/>: busy news home pages carry
    /// 5,000–20,000 elements, and the links past a lower cap would be lost.
    /// </summary>
    public const int MaxElements = 50_000;

    /// <summary>The message a page with no list of article links gives, for the source's health.</summary>
    public const string NoListFound = "page links: no list of article links found on the page; give a CSS selector for its headlines";

    /// <summary>Throws <see cref="FeedFormatException"/> when the page has no article links to read.</summary>
    public static ParsedFeed Parse(byte[] body, Uri pageUrl, string? httpCharset, string? linkSelector, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var problems = new List<string>();
        var cuts = new TruncationNotes();
        var html = PageCharset.Decode(body, httpCharset, problems);
        var bounded = PageHtmlBounds.Apply(html, MaxElements);
        if (bounded.Cut) cuts.AddLine($"page cut to {Figure(PageHtmlBounds.MaxChars)} characters");
        if (bounded.DroppedTags > 0)
            cuts.AddLine($"{Figure(bounded.DroppedTags)} tags nested deeper than {PageHtmlBounds.MaxDepth} or past {Figure(MaxElements)} elements flattened");
        ct.ThrowIfCancellationRequested();
        var parser = new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocumentAsync(bounded.Html, ct).GetAwaiter().GetResult();

        var links = linkSelector is null ? Detected(document, pageUrl, ct) : Selected(document, pageUrl, linkSelector, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<LinkCandidate>();
        foreach (var link in links)
        {
            ct.ThrowIfCancellationRequested();
            if (seen.Add(link.Url.AbsoluteUri)) distinct.Add(link);
        }
        if (distinct.Count > MaxItems)
        {
            // A page lists its newest first, as feeds do.
            cuts.AddLine($"kept the first {Figure(MaxItems)} of {Figure(distinct.Count)} links");
            distinct = distinct[..MaxItems];
        }
        var items = new List<FeedItem>(distinct.Count);
        foreach (var link in distinct)
        {
            ct.ThrowIfCancellationRequested();
            var address = link.Url.AbsoluteUri;
            var teaser = TeaserText.Of(link.Anchor, link.Text.Title);
            items.Add(ItemCaps.Apply(new FeedItem(address, link.Text.Title, address, teaser, null, null, null), cuts));
        }
        var title = AnchorTitle.CollapseText(document.Title ?? "");
        return new ParsedFeed(FeedFormat.HtmlPage, title.Length <= MaxTitleChars ? title : title[..MaxTitleChars], pageUrl.AbsoluteUri,
            items, ItemCaps.FewProblems(problems))
        {
            Truncations = cuts.Lines(),
            Language = LanguageCodes.FromTag(document.DocumentElement?.GetAttribute("lang")), // <html lang="ar">
        };
    }

    private static List<LinkCandidate> Detected(IDocument document, Uri pageUrl, CancellationToken ct)
    {
        var links = MainLinkList.Find(LinkCandidates.Collect(document, pageUrl, ct), ct);
        return links.Count > 0 ? links : throw new FeedFormatException(NoListFound);
    }

    /// <summary>
    /// The links a selector picks: the anchor itself, the first link inside the element (a headline
    /// h3 around its link), or the link around it (a card-wide link around the h3). The operator
    /// chose these, so no guessing about what is an article; only addresses that are not web pages go.
    /// </summary>
    private static List<LinkCandidate> Selected(IDocument document, Uri pageUrl, string selector, CancellationToken ct)
    {
        IHtmlCollection<IElement> matches;
        try
        {
            matches = document.QuerySelectorAll(selector);
        }
        catch (DomException e)
        {
            throw new FeedFormatException($"page links: the selector '{selector}' is not valid CSS ({e.Message})");
        }
        var baseUrl = LinkCandidates.BaseUrl(document, pageUrl);
        var links = new List<LinkCandidate>();
        foreach (var match in matches)
        {
            ct.ThrowIfCancellationRequested();
            var anchor = match.LocalName == "a" && match.HasAttribute("href") ? match : match.QuerySelector("a[href]") ?? match.Closest("a[href]");
            if (anchor?.GetAttribute("href") is not { } href || href.Length > MaxLinkChars || href.StartsWith('#')) continue;
            if (!Uri.TryCreate(baseUrl, href.Trim(), out var target) || target.Scheme is not ("http" or "https")) continue;
            var text = AnchorTitle.Of(anchor);
            if (text.Title.Length == 0) continue;
            links.Add(new LinkCandidate(ArticleAddress.Unfragmented(target), text, anchor, -1));
        }
        if (links.Count == 0) throw new FeedFormatException($"page links: the selector '{selector}' matches no links on the page");
        return links;
    }
}
