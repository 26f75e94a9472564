using System.Text.RegularExpressions;
using NewsBot.Core.Text;

namespace NewsBot.Sources.Parsing.Rss;

/// <summary>Adapts an <see cref="RssItem"/> to the normalized <see cref="FeedItem"/>.</summary>
internal static partial class RssItemAdapter
{
    public static FeedItem ToFeedItem(RssItem item, int index, List<string> problems)
    {
        var title = TitleText.FromHtml(item.Title) is { Length: > 0 } rssTitle ? rssTitle : TitleText.FromHtml(item.FallbackTitle);
        var id = item.Guid ?? item.RdfAbout;
        var published = ItemChecks.Date([item.PubDate, item.DcDate, item.AtomUpdated], ItemChecks.ItemName(index, title), problems);
        // RSS 2.0: <link>, else a guid that is a permalink, else an atom:link alternate, else the enclosure.
        var link = item.Link ?? PermaLink(item) ?? item.AtomAlternateLink ?? item.EnclosureUrl;
        var itemBase = ItemHtmlLinks.WebUri(link) ?? item.FeedBase; // HTML bases: the body's own xml:base, else the link, else the feed
        return new FeedItem(
            Id: id,
            Title: title,
            Link: link,
            SummaryHtml: ItemHtmlLinks.Resolve(item.Description ?? item.MediaDescription, item.SummaryBase ?? itemBase),
            ContentHtml: ItemHtmlLinks.Resolve(item.ContentEncoded, item.ContentBase ?? itemBase),
            Published: published,
            Author: item.DcCreator ?? AuthorName(item.Author) ?? item.AtomAuthorName)
        {
            Language = LanguageCodes.FromTag(item.Language),
        };
    }

    /// <summary>RSS 2.0: a guid is a permalink unless isPermaLink="false"; only an absolute http(s) URL can serve as one.</summary>
    private static string? PermaLink(RssItem item) =>
        item.GuidIsPermaLink && Uri.TryCreate(item.Guid, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.AbsoluteUri
            : null;

    /// <summary>RSS 2.0 author is an e-mail address, often "jane@example.com (Jane Doe)": prefer the name.</summary>
    private static string? AuthorName(string? author)
    {
        if (author is null) return null;
        var match = MailWithName().Match(author);
        return match.Success ? match.Groups[1].Value.Trim() : author;
    }

    /// <summary>
    /// The linear engine: with backtracking, "a@@@…" cost time quadratic in its length (100 KB took 24 s).
    /// The author is also capped when read (<see cref="FeedLimits"/>).
    /// </summary>
    [GeneratedRegex(@"^\S+@\S+\s*\((.+)\)$", RegexOptions.NonBacktracking)]
    private static partial Regex MailWithName();
}
