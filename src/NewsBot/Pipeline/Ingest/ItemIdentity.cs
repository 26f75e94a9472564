using System.Security.Cryptography;
using System.Text;
using NewsBot.Sources.Parsing;

namespace NewsBot.Pipeline.Ingest;

/// <summary>
/// What makes an item "the same item" across fetches: its GUID/id when present and unique in
/// the feed; else its canonical link; else its title and published time. Hashed so the unique
/// key stays short whatever the feed puts in its ids.
/// </summary>
public static class ItemIdentity
{
    public static IReadOnlyList<string> HashAll(IReadOnlyList<FeedItem> items)
    {
        var idCounts = items.Where(i => !string.IsNullOrWhiteSpace(i.Id))
            .GroupBy(i => i.Id!.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return items.Select(item => Hash(Identity(item, idCounts))).ToArray();
    }

    private static string Identity(FeedItem item, Dictionary<string, int> idCounts)
    {
        if (!string.IsNullOrWhiteSpace(item.Id) && idCounts[item.Id.Trim()] == 1) return "id:" + item.Id.Trim();
        if (CanonicalLink(item.Link) is { } link) return "link:" + link;
        return "title:" + item.Title.Trim() + "|" + item.Published?.UtcDateTime.ToString("O");
    }

    /// <summary>Scheme and host lower-cased, fragment and tracking parameters (utm_*) removed.</summary>
    public static string? CanonicalLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)) return null;
        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)));
        var builder = new UriBuilder(uri) { Fragment = "", Query = query, Host = uri.Host.ToLowerInvariant() };
        return builder.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
    }

    private static string Hash(string identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
}
