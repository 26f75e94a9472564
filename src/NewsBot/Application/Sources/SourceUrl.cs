using NewsBot.Core.Commands;

namespace NewsBot.Application.Sources;

/// <summary>Why an address or setting cannot become a source; each caller words it for its medium.</summary>
public enum SourceProblem
{
    /// <summary>No address was given.</summary>
    MissingUrl,
    /// <summary>Not an http(s) URL (and, from a remote origin, not allowed to be a file).</summary>
    NotWeb,
    /// <summary>The poll interval is under <see cref="SourceUrl.MinPollInterval"/>.</summary>
    IntervalTooShort,
    /// <summary>Longer than <see cref="SourceUrl.MaxLength"/>, the longest address the database stores.</summary>
    TooLong,
    /// <summary>A page source's link selector is longer than <see cref="SourceUrl.MaxLinkSelectorLength"/>.</summary>
    SelectorTooLong,
}

/// <summary>The one rule for source addresses: which are accepted and the spelling stored.</summary>
public static class SourceUrl
{
    /// <summary>Shorter intervals would hammer a site; configuration enforces the same floor.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The Sources.Url column's size (PostgreSQL refuses longer values; a cut URL names another page).</summary>
    public const int MaxLength = 2048;

    /// <summary>The Sources.PageLinkSelector column's size; the same cap as chat's (<see cref="CommandArguments.MaxLinkSelectorLength"/>).</summary>
    public const int MaxLinkSelectorLength = CommandArguments.MaxLinkSelectorLength;

    /// <summary>
    /// The address to store, or the problem. A bare site name is read as https (<see cref="TypedAddress"/>). Web URLs are stored as <see cref="Uri"/> spells them
    /// (lower-case host, "/" path), so two spellings of one feed are one source. From the operator,
    /// anything that is not a URL with a scheme is a file path, stored as written (relative paths
    /// resolve against the content root when read).
    /// </summary>
    public static SourceProblem? Check(string text, SourceOrigin origin, out string address)
    {
        address = text.Trim();
        if (address.Length == 0) return SourceProblem.MissingUrl;
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            address = uri.AbsoluteUri; // not ToString(): it unescapes, and %26 would become a query separator
            return address.Length > MaxLength ? SourceProblem.TooLong : null;
        }
        // "almayadeen.net", "www.bbc.co.uk/news": how people name sites; a name ending like a feed file stays a file.
        if (TypedAddress.BareSite(address) is { } site)
        {
            address = site.AbsoluteUri;
            return address.Length > MaxLength ? SourceProblem.TooLong : null;
        }
        if (origin == SourceOrigin.Operator && IsFile(address, uri)) return address.Length > MaxLength ? SourceProblem.TooLong : null;
        return SourceProblem.NotWeb;
    }

    private static bool IsFile(string text, Uri? uri) =>
        uri is { Scheme: "file" } || !text.Contains("://", StringComparison.Ordinal) && uri is null or { IsFile: true };
}
