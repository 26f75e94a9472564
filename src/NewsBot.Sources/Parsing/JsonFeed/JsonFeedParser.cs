using System.Text;
using System.Text.Json;
using NewsBot.Core.Text;

namespace NewsBot.Sources.Parsing.JsonFeed;

/// <summary>
/// JSON Feed 1.0/1.1, read with a forward-only reader so that a truncated body keeps every item
/// completed before the cut, as the XML formats do. Nesting deeper than the reader's default
/// MaxDepth (64) ends the read like a cut body; the reader and JsonDocument use no recursion.
/// </summary>
internal static class JsonFeedParser
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ParsedFeed Parse(string text, Uri? documentUrl, List<string> problems, TruncationNotes cuts, CancellationToken ct)
    {
        var items = new List<FeedItem>();
        string? version = null, title = null, homePage = null, language = null;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new FeedFormatException("not a feed: the JSON document is not an object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "items" && reader.TokenType == JsonTokenType.StartArray) ReadItems(ref reader, items, documentUrl, problems, cuts, ct);
                else if (reader.TokenType != JsonTokenType.String) reader.Skip();
                else if (name == "version") version = JsonFeedItemReader.CappedString(ref reader, FeedLimits.MaxOtherChars, cuts);
                else if (name == "title") title = JsonFeedItemReader.CappedString(ref reader, FeedLimits.MaxTitleMarkupChars, cuts);
                else if (name == "home_page_url") homePage = JsonFeedItemReader.CappedString(ref reader, FeedLimits.MaxOtherChars, cuts);
                else if (name == "language") language = LanguageCodes.FromTag(JsonFeedItemReader.CappedString(ref reader, FeedLimits.MaxOtherChars, cuts));
            }
        }
        catch (JsonException e)
        {
            if (items.Count == 0 && version is null) throw new FeedFormatException($"not a feed: the JSON cannot be read ({e.Message})");
            problems.Add($"feed body breaks off at line {e.LineNumber + 1} ({e.Message.Split(". ")[0]}); kept the items read before it");
        }
        if (version is null && items.Count == 0) throw new FeedFormatException("not a feed: the JSON document has no JSON Feed version and no items");
        if (version is not null && !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            problems.Add($"version '{version}' is not a JSON Feed version; read as JSON Feed anyway");
        ItemChecks.DuplicateIds(items, problems);
        return new ParsedFeed(FeedFormat.JsonFeed, title, Xml.XmlBase.Resolve(documentUrl, homePage), items, problems) { Language = language };
    }

    private static void ReadItems(ref Utf8JsonReader reader, List<FeedItem> items, Uri? documentUrl, List<string> problems, TruncationNotes cuts, CancellationToken ct)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ct.ThrowIfCancellationRequested();
            using var item = JsonDocument.ParseValue(ref reader);
            if (item.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"item {items.Count + 1} is not a JSON object; skipped");
                continue;
            }
            items.Add(ItemCaps.Apply(JsonFeedItemAdapter.ToFeedItem(JsonFeedItemReader.Read(item.RootElement, cuts), items.Count, documentUrl, problems), cuts));
        }
    }
}
