using static NewsBot.Sources.Parsing.FeedLimits;

namespace NewsBot.Sources.Parsing;

/// <summary>
/// The last line of <see cref="FeedLimits"/>: each normalized item's fields to their caps, and the
/// items of one fetch to <see cref="FeedLimits.MaxItems"/>. The readers already stopped reading at
/// the raw caps, so what is cut here is small.
/// </summary>
internal static class ItemCaps
{
    public static FeedItem Apply(FeedItem item, TruncationNotes cuts) => item with
    {
        Id = Cut(item.Id, MaxIdChars, "id", "ids", cuts),
        Title = Cut(item.Title, MaxTitleChars, "title", "titles", cuts)!,
        Link = LinkOrNull(item.Link, cuts),
        SummaryHtml = Cut(item.SummaryHtml, MaxHtmlChars, "summary", "summaries", cuts),
        ContentHtml = Cut(item.ContentHtml, MaxHtmlChars, "content body", "content bodies", cuts),
        Author = Cut(item.Author, MaxAuthorChars, "author", "authors", cuts),
    };

    /// <summary>
    /// At most <see cref="FeedLimits.MaxItems"/>, in document order: the newest by date when any item
    /// has one (undated items count as oldest), else the first ones (feeds list newest first).
    /// </summary>
    public static List<FeedItem> KeepNewest(List<FeedItem> items, TruncationNotes cuts)
    {
        if (items.Count <= MaxItems) return items;
        cuts.AddLine($"kept the newest {Figure(MaxItems)} of {Figure(items.Count)} items");
        if (items.All(i => i.Published is null)) return items[..MaxItems];
        var keep = items.Select((item, index) => (item, index))
            .OrderByDescending(x => x.item.Published ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.index)
            .Take(MaxItems)
            .Select(x => x.index)
            .ToHashSet();
        return items.Where((_, index) => keep.Contains(index)).ToList();
    }

    /// <summary>Problem lines beyond <see cref="FeedLimits.MaxProblems"/> are summed up in one.</summary>
    public static List<string> FewProblems(List<string> problems)
    {
        if (problems.Count <= MaxProblems) return problems;
        var kept = problems[..MaxProblems];
        kept.Add($"and {Figure(problems.Count - MaxProblems)} more problems like these");
        return kept;
    }

    private static string? Cut(string? value, int max, string one, string many, TruncationNotes cuts)
    {
        if (value is null || value.Length <= max) return value;
        cuts.Add($"{one} cut to {Figure(max)} characters", $"{many} cut to {Figure(max)} characters");
        return Xml.BoundedElementReader.Cut(value, max);
    }

    /// <summary>A cut URL would lead somewhere else: an overlong link is dropped (the item stays, without a link).</summary>
    private static string? LinkOrNull(string? link, TruncationNotes cuts)
    {
        if (link is null || link.Length <= MaxLinkChars) return link;
        cuts.Add($"link longer than {Figure(MaxLinkChars)} characters dropped", $"links longer than {Figure(MaxLinkChars)} characters dropped");
        return null;
    }
}
