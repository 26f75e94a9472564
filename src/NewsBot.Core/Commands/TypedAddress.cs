namespace NewsBot.Core.Commands;

/// <summary>
/// A web address as people type it: with a scheme, or a bare site name such as "almayadeen.net" or
/// "www.bbc.co.uk/news", which is read as https. One rule for chat commands, Discord, the admin
/// console and the CLI.
/// </summary>
public static class TypedAddress
{
    // Names that end like a file a feed is saved as are files, not sites (no such top-level domains exist).
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "xml", "rss", "atom", "rdf", "json", "opml", "txt", "htm", "html",
    };

    /// <summary>An absolute http(s) address: as typed, or a bare site name as https. Null for anything else.</summary>
    public static Uri? Web(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsWeb(uri)) return uri;
        return BareSite(text);
    }

    /// <summary>"example.com", "www.bbc.co.uk/news" as https; null when <paramref name="text"/> is not a dotted host name (then it is a path, or nothing).</summary>
    public static Uri? BareSite(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0 || text.Contains("://", StringComparison.Ordinal) || text.Any(char.IsWhiteSpace)) return null;
        var host = text.Split('/', '?', '#')[0];
        var labels = host.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0 || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))) return null;
        var top = labels[^1];
        if (top.Length < 2 || !top.All(char.IsAsciiLetter) || FileExtensions.Contains(top)) return null;
        return Uri.TryCreate("https://" + text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri : null;
    }

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
}
