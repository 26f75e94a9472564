using System.Net;
using NewsBot.Core.Text;
using NewsBot.Sources.Parsing.Xml;

namespace NewsBot.Sources.Parsing.JsonFeed;

/// <summary>Adapts a <see cref="JsonFeedItem"/> to the normalized <see cref="FeedItem"/>.</summary>
internal static class JsonFeedItemAdapter
{
    public static FeedItem ToFeedItem(JsonFeedItem item, int index, Uri? baseUri, List<string> problems)
    {
        // JSON Feed titles and summaries are plain text; FeedItem keeps bodies as HTML, so text is escaped.
        var title = TitleText.FromPlain(item.Title);
        var link = XmlBase.Resolve(baseUri, item.Url ?? item.ExternalUrl);
        return new FeedItem(
            Id: item.Id,
            Title: title,
            Link: link,
            SummaryHtml: item.Summary is null ? null : WebUtility.HtmlEncode(item.Summary),
            ContentHtml: ItemHtmlLinks.Resolve(item.ContentHtml, ItemHtmlLinks.WebUri(link) ?? baseUri) ?? (item.ContentText is null ? null : WebUtility.HtmlEncode(item.ContentText)),
            Published: ItemChecks.Date([item.DatePublished, item.DateModified], ItemChecks.ItemName(index, title), problems),
            Author: item.AuthorName)
        {
            Language = LanguageCodes.FromTag(item.Language),
        };
    }
}
