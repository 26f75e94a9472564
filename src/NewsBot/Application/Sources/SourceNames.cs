namespace NewsBot.Application.Sources;

/// <summary>The name a source gets when nobody gives one.</summary>
public static class SourceNames
{
    /// <summary>
    /// The given name; else the feed's own title; else the web host ("www.example.com"); else, for a
    /// file, its file name. Blank counts as missing, so a feed with an empty title still gets a name.
    /// </summary>
    public static string Choose(string? given, string? feedTitle, string address)
    {
        if (!string.IsNullOrWhiteSpace(given)) return given.Trim();
        if (!string.IsNullOrWhiteSpace(feedTitle)) return feedTitle.Trim();
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Host.Length > 0) return uri.Host;
        return Path.GetFileName(address.TrimEnd('/', '\\')) is { Length: > 0 } file ? file : address;
    }
}
