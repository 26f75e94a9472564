using System.Text.Json;
using System.Xml;

namespace NewsBot.Pipeline.Push;

/// <summary>
/// The hub and self links in a feed's head: <c>&lt;atom:link rel="hub" href=…/&gt;</c> in an RSS channel,
/// <c>&lt;link rel="hub" href=…/&gt;</c> in an Atom feed, <c>hubs</c> and <c>feed_url</c> in a JSON Feed.
/// One forward pass that stops at the first item or entry (the item parsers read the rest), and
/// after <see cref="MaxNodes"/> nodes whatever comes first: a feed's head costs a few hundred nodes.
/// </summary>
internal static class FeedHeadLinks
{
    private const int MaxNodes = 2000;
    private const int MaxLinks = 16;

    public sealed record Found(IReadOnlyList<Uri> Hubs, IReadOnlyList<Uri> Selves);

    public static Found Read(byte[] body, Uri baseUrl)
    {
        var hubs = new List<Uri>();
        var selves = new List<Uri>();
        try
        {
            if (IsJson(body)) ReadJson(body, baseUrl, hubs, selves);
            else ReadXml(body, baseUrl, hubs, selves);
        }
        catch (Exception e) when (e is XmlException or JsonException or InvalidOperationException or ArgumentException)
        {
            // Broken markup: the links found before it count; the feed parsers report the damage.
        }
        return new Found(hubs, selves);
    }

    private static bool IsJson(byte[] body)
    {
        var start = body.AsSpan();
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) start = start[3..];
        start = start.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return start.Length > 0 && start[0] == (byte)'{';
    }

    private static void ReadXml(byte[] body, Uri baseUrl, List<Uri> hubs, List<Uri> selves)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, // no entity expansion, no external fetch
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        for (var nodes = 0; nodes < MaxNodes && hubs.Count + selves.Count < MaxLinks && reader.Read(); nodes++)
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName is "item" or "entry") return;
            if (reader.LocalName != "link" || reader.GetAttribute("rel") is not { } rel || reader.GetAttribute("href") is not { } href) continue;
            if (!Uri.TryCreate(baseUrl, href.Trim(), out var uri)) continue;
            foreach (var token in rel.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Equals("hub", StringComparison.OrdinalIgnoreCase)) hubs.Add(uri);
                else if (token.Equals("self", StringComparison.OrdinalIgnoreCase)) selves.Add(uri);
            }
        }
    }

    /// <summary>JSON Feed 1.1: <c>"hubs": [{"type": "WebSub", "url": …}]</c> and <c>"feed_url"</c>, top level only.</summary>
    private static void ReadJson(byte[] body, Uri baseUrl, List<Uri> hubs, List<Uri> selves)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "feed_url" && reader.TokenType == JsonTokenType.String && Uri.TryCreate(baseUrl, reader.GetString(), out var self))
                selves.Add(self);
            else if (name == "hubs" && reader.TokenType == JsonTokenType.StartArray)
                ReadJsonHubs(ref reader, baseUrl, hubs);
            else reader.Skip();
        }
    }

    private static void ReadJsonHubs(ref Utf8JsonReader reader, Uri baseUrl, List<Uri> hubs)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? type = null, url = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && name == "type") type = reader.GetString();
                else if (reader.TokenType == JsonTokenType.String && name == "url") url = reader.GetString();
                else reader.Skip();
            }
            if (hubs.Count < MaxLinks && url is not null && (type is null || type.Equals("WebSub", StringComparison.OrdinalIgnoreCase))
                && Uri.TryCreate(baseUrl, url, out var hub))
                hubs.Add(hub);
        }
    }
}
