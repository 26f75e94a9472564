using System.Text.RegularExpressions;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// Replies are worded once for every platform with Telegram-style commands (<c>/digest daily 08:00</c>);
/// on Discord the same commands are subcommands with named options (<c>/news digest mode:daily time:08:00</c>).
/// This rewrites the command names in a reply so a Discord user can type what the reply suggests.
/// </summary>
public static partial class DiscordCommandNames
{
    /// <summary>Usage lines in Discord's option syntax, for the delivery commands whose options differ from the text form.</summary>
    public static string? Usage(string commandName) => commandName switch
    {
        "digest" => "/news digest mode:off|hourly|daily [time:HH:MM, several as 08:00,18:00]",
        "quiet" => "/news quiet hours:HH:MM-HH:MM (or hours:off)",
        "timezone" => "/news timezone zone:<IANA zone, e.g. Europe/Berlin>",
        "limit" => "/news limit per_hour:<n>",
        _ => null,
    };

    public static string Rewrite(string text)
    {
        // Examples with arguments first, so the option names land in the right place.
        text = DigestExample().Replace(text, "/news digest mode:$1");
        text = DailyTime().Replace(text, "mode:daily time:$1");
        text = QuietExample().Replace(text, "/news quiet hours:$1");
        text = TimeZoneExample().Replace(text, "/news timezone zone:$1");
        text = LimitExample().Replace(text, "/news limit per_hour:$1");
        foreach (var (plain, slash) in SlashNames)
            text = text.Replace(plain, slash, StringComparison.Ordinal);
        return text;
    }

    private static readonly (string Plain, string Slash)[] SlashNames =
    [
        ("/addwebhook", "/newsadmin addwebhook"), ("/addsource", "/newsadmin addsource"), ("/removesource", "/newsadmin removesource"),
        ("/pausesource", "/newsadmin pausesource"), ("/resumesource", "/newsadmin resumesource"),
        ("/stats", "/newsadmin stats"), ("/add ", "/news add "), ("/list", "/news list"), ("/remove ", "/news remove "),
        ("/pause", "/news pause"), ("/resume", "/news resume"), ("/test ", "/news test "), ("/sources", "/news sources"),
        ("/digest", "/news digest"), ("/quiet", "/news quiet"), ("/timezone", "/news timezone"), ("/limit", "/news limit"),
    ];

    [GeneratedRegex(@"(?<![\w/])/digest (off|hourly|daily)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DigestExample();

    [GeneratedRegex(@"mode:daily (\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DailyTime();

    [GeneratedRegex(@"(?<![\w/])/quiet (off\b|\d)", RegexOptions.CultureInvariant)]
    private static partial Regex QuietExample();

    [GeneratedRegex(@"(?<![\w/])/timezone ([A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneExample();

    [GeneratedRegex(@"(?<![\w/])/limit (\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LimitExample();
}
