using NewsBot.Sources.Parsing.Dates;

namespace NewsBot.Sources.Parsing;

/// <summary>Checks shared by every format's adapter; each finding becomes a problem line naming the item.</summary>
internal static class ItemChecks
{
    /// <summary>The first date the item gives that can be read; a present but unreadable one is reported, never fatal.</summary>
    public static DateTimeOffset? Date(IEnumerable<string?> candidates, string itemName, List<string> problems)
    {
        string? unreadable = null;
        foreach (var raw in candidates)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (FeedDate.Parse(raw) is { } date) return date;
            unreadable ??= raw.Trim();
        }
        if (unreadable is not null) problems.Add($"{itemName}: date '{Shorten(unreadable)}' not understood; published left empty");
        return null;
    }

    /// <summary>Duplicates stay (identity and dedupe are the article stage's job) but are worth knowing about.</summary>
    public static void DuplicateIds(IReadOnlyList<FeedItem> items, List<string> problems)
    {
        foreach (var group in items.Where(i => i.Id is not null).GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"id '{Shorten(group.Key!)}' is used by {group.Count()} items");
    }

    public static string ItemName(int index, string title) =>
        title.Length == 0 ? $"item {index + 1}" : $"item {index + 1} '{Shorten(title)}'";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
