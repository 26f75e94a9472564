using System.Text.Json;

namespace NewsBot.Sources.Parsing.JsonFeed;

/// <summary>Reads one item object; a field of the wrong JSON type is skipped rather than failing the item.</summary>
internal static class JsonFeedItemReader
{
    public static JsonFeedItem Read(JsonElement item) => new(
        Id: Scalar(item, "id"),
        Url: String(item, "url"),
        ExternalUrl: String(item, "external_url"),
        Title: String(item, "title"),
        ContentHtml: String(item, "content_html"),
        ContentText: String(item, "content_text"),
        Summary: String(item, "summary"),
        DatePublished: String(item, "date_published"),
        DateModified: String(item, "date_modified"),
        AuthorName: AuthorName(item));

    /// <summary>1.1 has an "authors" array; 1.0 a single "author" object (deprecated in 1.1 but still written).</summary>
    private static string? AuthorName(JsonElement item)
    {
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
            foreach (var author in authors.EnumerateArray())
                if (author.ValueKind == JsonValueKind.Object && String(author, "name") is { } name) return name;
        return item.TryGetProperty("author", out var single) && single.ValueKind == JsonValueKind.Object ? String(single, "name") : null;
    }

    public static string? String(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>The spec says id is a string, but many feeds write a number; both identify the item.</summary>
    private static string? Scalar(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : String(obj, property);
}
