namespace NewsBot.Sources.Parsing.Atom;

/// <summary>Adapts an <see cref="AtomEntry"/> to the normalized <see cref="FeedItem"/>.</summary>
internal static class AtomEntryAdapter
{
    public static FeedItem ToFeedItem(AtomEntry entry, int index, List<string> problems)
    {
        var title = entry.Title?.ToPlainTitle() ?? "";
        return new FeedItem(
            Id: entry.Id,
            Title: title,
            Link: entry.AlternateLink,
            SummaryHtml: entry.Summary?.ToHtml(),
            ContentHtml: entry.Content?.ToHtml(),
            Published: ItemChecks.Date([entry.Published, entry.Updated, entry.DcDate], ItemChecks.ItemName(index, title), problems),
            Author: entry.AuthorName);
    }
}
