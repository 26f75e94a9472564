using System.Globalization;
using NewsBot.Application.Sources;
using NewsBot.Storage.Entities;

namespace NewsBot.Admin;

/// <summary>The fields of the add and edit forms, checked with messages an admin can act on.</summary>
/// <param name="Kind">"page" for a web page whose article links are the items; anything else is a feed (or a site whose feed is found).</param>
/// <param name="Links">A page source's CSS selector for its article links; blank lets NewsBot find them.</param>
internal sealed record SourceForm(string Url, string Name, string Interval, bool Paused, string Kind = "feed", string Links = "")
{
    public static SourceForm From(IFormCollection form) => new(
        form["url"].ToString().Trim(), form["name"].ToString().Trim(), form["interval"].ToString().Trim(),
        form["paused"].ToString() is "on" or "true", form["kind"].ToString().Trim(), form["links"].ToString().Trim());

    /// <summary>A selector alone also means a page: links only exist on pages.</summary>
    public bool IsPage => Kind == "page" || Links.Length > 0;

    /// <summary>What the add form asks for, as <see cref="SourceAdder"/> takes it.</summary>
    public SourceDraft Draft(TimeSpan? interval) => new(Url, Name.Length == 0 ? null : Name, interval,
        Kind: IsPage ? SourceKind.Page : SourceKind.Feed, PageLinkSelector: Links.Length == 0 ? null : Links);

    public string? LinksError() => Links.Length > SourceUrl.MaxLinkSelectorLength ? Describe(SourceProblem.SelectorTooLong) : null;

    /// <summary>Only web feeds (<see cref="SourceOrigin.Remote"/>): a file path typed into a web form must not read the server's disk.</summary>
    public string? UrlError(out string address) =>
        SourceUrl.Check(Url, SourceOrigin.Remote, out address) is { } problem ? Describe(problem) : null;

    /// <summary>A refusal of <see cref="SourceAdder"/> or <see cref="SourceEditor"/> in the form's words.</summary>
    public string Describe(SourceProblem problem) => problem switch
    {
        SourceProblem.MissingUrl => "Enter the feed's URL.",
        SourceProblem.IntervalTooShort => "Poll interval must be at least one second.",
        SourceProblem.TooLong => $"The URL is longer than {SourceUrl.MaxLength} characters.",
        SourceProblem.SelectorTooLong => $"The links selector is longer than {SourceUrl.MaxLinkSelectorLength} characters.",
        _ => $"\"{Url}\" is not an http:// or https:// URL.",
    };

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
        return interval < SourceUrl.MinPollInterval ? "Poll interval must be at least one second." : null;
    }

    public static string Show(TimeSpan? interval) => interval switch
    {
        null => "",
        { TotalMinutes: var m } when m == Math.Floor(m) => ((int)m).ToString(CultureInfo.InvariantCulture),
        { } t => t.ToString("c", CultureInfo.InvariantCulture),
    };
}
