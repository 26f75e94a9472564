namespace NewsBot.Pipeline.Polling;

/// <summary>Turns a source's stored URL (http(s) URL, file URL or file path) into a URI to fetch.</summary>
public static class SourceLocation
{
    public static bool TryResolve(string url, string contentRoot, out Uri uri, out string error)
    {
        error = "";
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "file")
        {
            uri = absolute;
            return true;
        }
        if (url.Contains("://", StringComparison.Ordinal))
        {
            uri = null!;
            error = $"'{url}' is not an http(s) URL or a file path";
            return false;
        }
        // A relative path: the working directory first (an operator's own files), then the
        // content root, where the demo feed travels with the binary.
        var candidate = Path.GetFullPath(url);
        if (!File.Exists(candidate))
        {
            var besideBinary = Path.GetFullPath(url, contentRoot);
            if (File.Exists(besideBinary)) candidate = besideBinary;
        }
        uri = new Uri(candidate);
        return true;
    }

    /// <summary>The host name filters match with <c>source:</c>; null for files.</summary>
    public static string? Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.Host : null;
}
