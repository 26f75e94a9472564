using System.Text.RegularExpressions;

namespace NewsBot.Core.SourceHealth;

/// <summary>
/// A source's stored error (one line from the fetcher or parser, e.g. "HTTP 503 Service Unavailable")
/// said so a subscriber understands it, with the technical part kept in brackets. Query strings
/// are cut from any address (feed URLs can carry keys), and the text is kept short.
/// </summary>
public static partial class FailureInPlainWords
{
    private const int MaxDetail = 200;

    public static string Describe(string? error)
    {
        if (string.IsNullOrWhiteSpace(error)) return "unknown (no error was recorded)";
        var detail = Clean(error);
        var plain = Explain(detail);
        return plain is null ? detail : $"{plain} ({detail})";
    }

    private static string? Explain(string detail)
    {
        if (HttpStatus().Match(detail) is { Success: true } m)
        {
            var status = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return status switch
            {
                401 or 403 => "the site refuses access to the feed",
                404 or 410 => "the feed's address no longer exists",
                429 => "the site asks NewsBot to slow down",
                >= 500 => "the site's server is failing",
                _ => "the site answered with an error",
            };
        }
        if (detail.StartsWith("timed out", StringComparison.OrdinalIgnoreCase)) return "the site does not answer in time";
        // The poll's parse budget ran out (issue 13): the feed is cut off and backed off like a failing one.
        if (detail.StartsWith("feed too large/complex", StringComparison.OrdinalIgnoreCase)) return "the feed is too large or complex to read in time";
        if (detail.StartsWith("not a feed", StringComparison.OrdinalIgnoreCase)) return "the address no longer returns a news feed";
        if (detail.Contains("not found", StringComparison.OrdinalIgnoreCase) && detail.StartsWith("host ", StringComparison.Ordinal)) return "the site's name cannot be found";
        if (detail.StartsWith("cannot connect", StringComparison.OrdinalIgnoreCase)) return "the site cannot be reached";
        if (detail.StartsWith("TLS", StringComparison.Ordinal)) return "a secure connection to the site fails";
        if (detail.Contains("closed the connection", StringComparison.OrdinalIgnoreCase)) return "the site breaks off its answers";
        return null;
    }

    private static string Clean(string error)
    {
        var newline = error.IndexOf('\n');
        var line = Whitespace().Replace(newline < 0 ? error : error[..newline], " ").Trim(); // one line: never a stack trace
        line = UrlQuery().Replace(line, "$1");
        line = BotToken().Replace(line, "[token]");
        return line.Length <= MaxDetail ? line : line[..(MaxDetail - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@"^HTTP (\d{3})\b", RegexOptions.NonBacktracking)]
    private static partial Regex HttpStatus();

    [GeneratedRegex(@"\s+", RegexOptions.NonBacktracking)]
    private static partial Regex Whitespace();

    /// <summary>Keeps scheme, host and path of an address; drops its query and fragment.</summary>
    [GeneratedRegex(@"((?:https?|file)://[^\s?#'""<>]+)[?#][^\s'""<>)]*", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex UrlQuery();

    /// <summary>Telegram bot tokens ("123456:AA…") and long key-like runs.</summary>
    [GeneratedRegex(@"\d{5,16}:[A-Za-z0-9_-]{20,}|\b[A-Za-z0-9_-]{40,}\b", RegexOptions.NonBacktracking)]
    private static partial Regex BotToken();
}
