namespace NewsBot.Sources.Fetching;

/// <summary>Turns a configured source address into the <see cref="Uri"/> that <see cref="FeedFetcher"/> takes.</summary>
public static class SourceAddress
{
    /// <summary>
    /// A stored source address as the host reads it: an http(s) or file URL as written; anything else
    /// with "://" is refused (we fetch nothing but the web and local files); the rest is a file path.
    /// A relative path is looked up in the working directory first (an operator's own files), then in
    /// <paramref name="fallbackDirectory"/>, where the demo feed travels with the binary.
    /// </summary>
    public static bool TryResolve(string text, string? fallbackDirectory, out Uri uri, out string error)
    {
        error = "";
        text = text.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "file")
        {
            uri = absolute;
            return true;
        }
        if (text.Contains("://", StringComparison.Ordinal))
        {
            uri = null!;
            error = $"'{text}' is not an http(s) URL or a file path";
            return false;
        }
        var candidate = Path.GetFullPath(text);
        if (!File.Exists(candidate) && fallbackDirectory is not null)
        {
            var besideBinary = Path.GetFullPath(text, fallbackDirectory);
            if (File.Exists(besideBinary)) candidate = besideBinary;
        }
        uri = new Uri(candidate);
        return true;
    }

    /// <summary>The host name filters match with <c>source:</c>; null for files and anything not http(s).</summary>
    public static string? Host(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && IsWeb(url) ? url.Host : null;

    /// <summary>
    /// The outlet (the site) a source belongs to, for counting how many outlets report a story
    /// (<c>outlets:N</c>): its address's host in lower case without a leading <c>www.</c>,
    /// <c>feeds.</c>, <c>rss.</c> or <c>feed.</c>, so two feeds of one site count once
    /// (<c>https://feeds.bbci.co.uk/news/world/rss.xml</c> and <c>https://www.bbci.co.uk/sport.rss</c>
    /// are both <c>bbci.co.uk</c>), with the port when it is not the scheme's default (another server).
    /// Other subdomains stay apart (<c>edition.cnn.com</c> is not <c>cnn.com</c>): we cannot tell a
    /// site's sections from separate outlets sharing a domain. A file source is an outlet of its own.
    /// </summary>
    public static string Outlet(string text)
    {
        text = text.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || !IsWeb(url)) return text;
        var host = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var prefix in OutletPrefixes)
            {
                // Only while a domain with a dot remains: "feed.com" stays itself.
                if (host.StartsWith(prefix, StringComparison.Ordinal) && host.IndexOf('.', prefix.Length) > 0)
                {
                    host = host[prefix.Length..];
                    stripped = true;
                }
            }
        }
        return url.IsDefaultPort ? host : $"{host}:{url.Port}";
    }

    private static readonly string[] OutletPrefixes = ["www.", "feeds.", "rss.", "feed."];

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
