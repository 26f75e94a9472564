using NewsBot.Core.Text;

namespace NewsBot.Sources.Parsing.Atom;

/// <summary>Adapts an <see cref="AtomEntry"/> to the normalized <see cref="FeedItem"/>.</summary>
internal static class AtomEntryAdapter
{
    public static FeedItem ToFeedItem(AtomEntry entry, int index, List<string> problems)
    {
        var title = entry.Title?.ToPlainTitle() is { Length: > 0 } atomTitle ? atomTitle : TitleText.FromHtml(entry.FallbackTitle);
        var itemBase = ItemHtmlLinks.WebUri(entry.AlternateLink) ?? entry.FeedBase;
        return new FeedItem(
            Id: entry.Id,
            Title: title,
            Link: entry.AlternateLink,
            SummaryHtml: ItemHtmlLinks.Resolve(entry.Summary?.ToHtml(), entry.SummaryBase ?? itemBase),
            ContentHtml: ItemHtmlLinks.Resolve(entry.Content?.ToHtml(), entry.ContentBase ?? itemBase),
            Published: ItemChecks.Date([entry.Published, entry.Updated, entry.DcDate], ItemChecks.ItemName(index, title), problems),
            Author: entry.AuthorName)
        {
            Language = LanguageCodes.FromTag(entry.Language),
        };
    }
}
