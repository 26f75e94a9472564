using System.Net;

namespace NewsBot.Sources.Fetching;

/// <summary>Reading redirects (RFC 9110 15.4) for the manual hop-by-hop loop in <see cref="FeedFetcher"/>.</summary>
internal static class Redirects
{
    public static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    /// <summary>301 and 308 say the resource has a new URL for good; 302, 303 and 307 are for this request only.</summary>
    public static bool IsPermanent(HttpStatusCode status) => (int)status is 301 or 308;

    /// <summary>The Location header resolved against the current URL, or null when missing or unparseable.</summary>
    public static Uri? Target(Uri current, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Location", out var values) || values.FirstOrDefault()?.Trim() is not { Length: > 0 } location)
            return null;
        // Parsed by hand: on Unix, Uri reads "/feed" as the absolute file path file:///feed, which would
        // turn an ordinary relative redirect into a (refused) file: redirect.
        if (SourceAddress.HasScheme(location))
            return Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute : null;
        return Uri.TryCreate(location, UriKind.Relative, out var relative) && Uri.TryCreate(current, relative, out var resolved)
            ? resolved
            : null;
    }
}
