using System.Globalization;

namespace NewsBot.Admin;

/// <summary>The fields of the add and edit forms, checked with messages an admin can act on.</summary>
internal sealed record SourceForm(string Url, string Name, string Interval, bool Paused)
{
    public static SourceForm From(IFormCollection form) => new(
        form["url"].ToString().Trim(), form["name"].ToString().Trim(), form["interval"].ToString().Trim(),
        form["paused"].ToString() is "on" or "true");

    /// <summary>Only web feeds: a file path typed into a web form must not read the server's disk.</summary>
    public string? UrlError(out Uri? uri)
    {
        if (Uri.TryCreate(Url, UriKind.Absolute, out uri) && uri.Scheme is "http" or "https") return null;
        uri = null;
        return Url.Length == 0 ? "Enter the feed's URL." : $"\"{Url}\" is not an http:// or https:// URL.";
    }

    /// <summary>Blank means the default interval; a number is minutes; hh:mm:ss is also accepted. At least one second.</summary>
    public string? IntervalError(out TimeSpan? interval)
    {
        interval = null;
        if (Interval.Length == 0) return null;
        if (double.TryParse(Interval, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes))
            interval = TimeSpan.FromMinutes(minutes);
        else if (TimeSpan.TryParse(Interval, CultureInfo.InvariantCulture, out var span))
            interval = span;
        else
            return $"Poll interval \"{Interval}\" is neither minutes (e.g. 15) nor hh:mm:ss.";
        return interval < TimeSpan.FromSeconds(1) ? "Poll interval must be at least one second." : null;
    }

    public static string Show(TimeSpan? interval) => interval switch
    {
        null => "",
        { TotalMinutes: var m } when m == Math.Floor(m) => ((int)m).ToString(CultureInfo.InvariantCulture),
        { } t => t.ToString("c", CultureInfo.InvariantCulture),
    };
}
