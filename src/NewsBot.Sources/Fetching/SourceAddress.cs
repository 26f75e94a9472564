namespace NewsBot.Sources.Fetching;

/// <summary>Turns a configured source address into the <see cref="Uri"/> that <see cref="FeedFetcher"/> takes.</summary>
public static class SourceAddress
{
    /// <summary>
    /// "https://…" and "file:///…" as written; anything without a scheme is a local path, relative
    /// to the current directory (so "samples/feeds/demo.xml" works from the repository root).
    /// </summary>
    public static Uri Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        return HasScheme(text) && Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : new Uri(Path.GetFullPath(text));
    }

    /// <summary>An absolute URL; a relative one is taken as a local path from the current directory.</summary>
    internal static Uri Absolute(Uri url) => url.IsAbsoluteUri ? url : new Uri(Path.GetFullPath(url.OriginalString));

    /// <summary>True for "x:" at the start, but not for a Windows drive letter such as "C:\feeds".</summary>
    internal static bool HasScheme(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 2 || !char.IsAsciiLetter(text[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('+' or '-' or '.')) return false;
        return true;
    }

    internal static bool IsWeb(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;
}
