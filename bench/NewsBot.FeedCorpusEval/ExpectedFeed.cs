using System.Text.Json;

namespace NewsBot.FeedCorpusEval;

/// <summary>One expected item as another reader's test suite states it; null where the suite says nothing.</summary>
internal sealed record ExpectedItem(string? Title, string? Link, DateTimeOffset? Published);

/// <summary>
/// The expected output next to a test feed: gofeed writes it as JSON, its items under "items" (RSS,
/// and the universal translator) or "entries" (Atom parser), with title, link and publishedParsed.
/// </summary>
internal static class ExpectedFeed
{
    public static List<ExpectedItem>? Read(string jsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
        if (!json.RootElement.TryGetProperty("items", out var items) && !json.RootElement.TryGetProperty("entries", out items)) return [];
        if (items.ValueKind != JsonValueKind.Array) return [];
        return items.EnumerateArray().Select(item => new ExpectedItem(
            Text(item, "title"),
            Text(item, "link"),
            Text(item, "publishedParsed") is { } date ? DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture) : null)).ToList();
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
