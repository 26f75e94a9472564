using System.Runtime.InteropServices;
using System.Text.Json;

namespace NewsBot.Sources.Parsing.JsonFeed;

/// <summary>
/// Reads one item object; a field of the wrong JSON type is skipped rather than failing the item.
/// Strings are read up to their <see cref="FeedLimits"/> cap straight from the document's bytes, so
/// a 4 MB title is never decoded whole.
/// </summary>
internal static class JsonFeedItemReader
{
    /// <summary>A UTF-8 character is at most 4 bytes and a JSON escape at most 12 ("\uD83D\uDE00" for 2 chars): enough bytes for the cap.</summary>
    private const int BytesPerChar = 6;

    public static JsonFeedItem Read(JsonElement item, TruncationNotes cuts) => new(
        Id: Scalar(item, "id", cuts),
        Url: String(item, "url", FeedLimits.MaxOtherChars, cuts),
        ExternalUrl: String(item, "external_url", FeedLimits.MaxOtherChars, cuts),
        Title: String(item, "title", FeedLimits.MaxTitleMarkupChars, cuts),
        ContentHtml: String(item, "content_html", FeedLimits.MaxHtmlChars, cuts),
        ContentText: String(item, "content_text", FeedLimits.MaxHtmlChars, cuts),
        Summary: String(item, "summary", FeedLimits.MaxHtmlChars, cuts),
        DatePublished: String(item, "date_published", FeedLimits.MaxOtherChars, cuts),
        DateModified: String(item, "date_modified", FeedLimits.MaxOtherChars, cuts),
        AuthorName: AuthorName(item, cuts),
        Language: String(item, "language", FeedLimits.MaxOtherChars, cuts));

    /// <summary>1.1 has an "authors" array; 1.0 a single "author" object (deprecated in 1.1 but still written).</summary>
    private static string? AuthorName(JsonElement item, TruncationNotes cuts)
    {
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
            foreach (var author in authors.EnumerateArray())
                if (author.ValueKind == JsonValueKind.Object && String(author, "name", FeedLimits.MaxOtherChars, cuts) is { } name) return name;
        return item.TryGetProperty("author", out var single) && single.ValueKind == JsonValueKind.Object ? String(single, "name", FeedLimits.MaxOtherChars, cuts) : null;
    }

    private static string? String(JsonElement obj, string property, int max, TruncationNotes cuts)
    {
        if (!obj.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String) return null;
        var text = Capped(JsonMarshal.GetRawUtf8Value(value), max, property, cuts);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The string token the reader stands on, up to <paramref name="max"/> characters.</summary>
    public static string? CappedString(ref Utf8JsonReader reader, int max, TruncationNotes cuts)
    {
        if (reader.HasValueSequence) return Xml.BoundedElementReader.Cut(reader.GetString() ?? "", max); // never for a contiguous document
        // Copy no more than the cap can use (plus one byte, so Capped sees the value is longer).
        var value = reader.ValueSpan[..Math.Min(reader.ValueSpan.Length, max * BytesPerChar + 1)];
        var quoted = new byte[value.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        value.CopyTo(quoted.AsSpan(1));
        return Capped(quoted, max, "feed field", cuts);
    }

    /// <summary>
    /// Decodes a raw JSON string token (quotes included). When it is longer than the cap allows, only
    /// a prefix of its bytes is decoded: the cut backs off to a character boundary and before any
    /// escape it would split, then the prefix is closed with a quote and read as a JSON string.
    /// </summary>
    private static string Capped(ReadOnlySpan<byte> raw, int max, string field, TruncationNotes cuts)
    {
        if (raw.Length - 2 <= max * BytesPerChar)
        {
            var whole = ReadString(raw);
            if (whole.Length <= max) return whole;
            cuts.Add($"\"{field}\" cut while reading (too long)", $"\"{field}\" values cut while reading (too long)");
            return Xml.BoundedElementReader.Cut(whole, max);
        }
        var end = 1 + max * BytesPerChar;
        while (end > 1 && (raw[end] & 0xC0) == 0x80) end--; // not inside a UTF-8 sequence
        var backslash = raw[1..end].LastIndexOf((byte)'\\');
        if (backslash >= 0 && end - (1 + backslash) <= 6) end = 1 + backslash; // not inside an escape
        if (end >= 7 && raw[end - 6] == (byte)'\\' && raw[end - 5] == (byte)'u') end -= 6; // nor between the halves of a \uD83D\uDE00 pair
        while (end > 1 && raw[end - 1] == (byte)'\\') end--; // an escaped backslash pair cut in half
        var prefix = new byte[end + 1];
        raw[..end].CopyTo(prefix);
        prefix[^1] = (byte)'"';
        cuts.Add($"\"{field}\" cut while reading (too long)", $"\"{field}\" values cut while reading (too long)");
        string text;
        try
        {
            text = ReadString(prefix);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            text = ""; // a prefix that is not valid JSON on its own: better empty than wrong
        }
        return Xml.BoundedElementReader.Cut(text, max);
    }

    private static string ReadString(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString() ?? "";
    }

    /// <summary>The spec says id is a string, but many feeds write a number; both identify the item.</summary>
    private static string? Scalar(JsonElement obj, string property, TruncationNotes cuts) =>
        obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? Xml.BoundedElementReader.Cut(value.GetRawText(), FeedLimits.MaxOtherChars)
            : String(obj, property, FeedLimits.MaxOtherChars, cuts);
}
