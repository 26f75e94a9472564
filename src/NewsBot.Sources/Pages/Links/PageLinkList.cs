using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsBot.Sources.Parsing;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Pages.Links;

/// <summary>
/// Reads a web page without a feed as if it were one: each article link is an item, its anchor
/// text the title and its absolute address the link and id. The links are those a CSS selector
/// picks, or, without one, the page's main list of article links.
/// </summary>
public static class PageLinkList
{
    /// <summary>Throws <see cref="FeedFormatException"/> when the page has no article links to read.</summary>
    public static ParsedFeed Parse(byte[] body, Uri pageUrl, string? httpCharset, string? linkSelector, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var problems = new List<string>();
        var html = FeedCharset.Decode(body, httpCharset, problems);
        var parser = new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocumentAsync(PageHtmlBounds.Apply(html).Html, ct).GetAwaiter().GetResult();
        if (linkSelector is null) throw new FeedFormatException("not a page of article links: detection is not built yet; give a CSS selector");
        IEnumerable<IElement> links;
        try
        {
            links = document.QuerySelectorAll(linkSelector);
        }
        catch (DomException e)
        {
            throw new FeedFormatException($"page links: the selector '{linkSelector}' is not valid CSS ({e.Message})");
        }
        var items = new List<FeedItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            ct.ThrowIfCancellationRequested();
            var anchor = link.LocalName == "a" ? link : link.QuerySelector("a[href]");
            if (anchor?.GetAttribute("href") is not { } href || !Uri.TryCreate(pageUrl, href, out var target)) continue;
            var title = string.Join(' ', anchor.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (title.Length == 0 || !seen.Add(target.AbsoluteUri)) continue;
            items.Add(new FeedItem(target.AbsoluteUri, title, target.AbsoluteUri, null, null, null, null));
        }
        if (items.Count == 0) throw new FeedFormatException($"page links: the selector '{linkSelector}' matches no links on the page");
        return new ParsedFeed(FeedFormat.HtmlPage, document.Title, pageUrl.AbsoluteUri, items, problems);
    }
}
