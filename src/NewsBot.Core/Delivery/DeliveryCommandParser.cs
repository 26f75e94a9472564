using System.Globalization;
using System.Text.RegularExpressions;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Delivery;

/// <summary>
/// The argument grammar of /digest, /quiet, /timezone and /limit, platform-neutral: Telegram
/// passes the text after the command word, Discord the option value of <c>/news digest</c>.
/// </summary>
public static partial class DeliveryCommandParser
{
    private const string QuietShape = "quiet hours look like 22:00-07:00";

    private static CommandMention Cmd(string name, params string[] arguments) => CommandMention.Of(name, arguments);

    /// <summary>Entries for the command catalog, help and platform menus.</summary>
    public static IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("digest", "/digest off|hourly|daily HH:MM[,HH:MM]", "Bundle alerts into one message per hour or at set times", false),
        new("quiet", "/quiet HH:MM-HH:MM|off", "Hold alerts during quiet hours; they arrive as one digest afterwards", false),
        new("timezone", "/timezone <zone>", "Your time zone for digests and quiet hours, e.g. Europe/Berlin", false),
        new("limit", "/limit <n>", "At most n alerts an hour; the rest arrive as one digest", false),
    ];

    /// <summary>
    /// Parses the arguments of a delivery command; <c>null</c> when <paramref name="commandName"/>
    /// is not one of them. No arguments means "show the current settings".
    /// </summary>
    public static DeliveryParseResult? Parse(string commandName, string? args)
    {
        var name = commandName.Trim().TrimStart('/').ToLowerInvariant();
        if (name == "tz") name = "timezone";
        if (Commands.All(c => c.Name != name)) return null;
        var text = (args ?? "").Trim();
        if (text.Length == 0) return new DeliveryParseResult.Parsed(new DeliveryChange.Show());

        ReplyText problem;
        DeliveryChange? change = name switch
        {
            "digest" => TryParseDigest(text, out var digest, out problem) ? new DeliveryChange.SetDigest(digest) : null,
            "quiet" => TryParseQuiet(text, out var quiet, out problem) ? new DeliveryChange.SetQuiet(quiet) : null,
            "timezone" => TryParseTimeZone(text, out var zone, out problem) ? new DeliveryChange.SetTimeZone(zone) : null,
            _ => TryParseLimit(text, out var limit, out problem) ? new DeliveryChange.SetLimit(limit) : null,
        };
        return change is not null
            ? new DeliveryParseResult.Parsed(change)
            : new DeliveryParseResult.Invalid(name, problem);
    }

    /// <summary>/digest given as its mode and, for a daily digest, the times apart (as Discord's options give them).</summary>
    public static DeliveryParseResult ParseDigest(string mode, string? times)
    {
        var words = mode.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var rest = string.Join(' ', words.Skip(1).Append(times?.Trim() ?? "").Where(w => w.Length > 0));
        return TryParseDigest(words.FirstOrDefault() ?? "", rest, out var digest, out var problem)
            ? new DeliveryParseResult.Parsed(new DeliveryChange.SetDigest(digest))
            : new DeliveryParseResult.Invalid("digest", problem);
    }

    public static bool TryParseDigest(string text, out DigestSchedule digest, out ReplyText problem)
    {
        var words = text.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        return TryParseDigest(words.FirstOrDefault() ?? "", words.Length > 1 ? words[1].Trim() : "", out digest, out problem);
    }

    private static bool TryParseDigest(string modeWord, string rest, out DigestSchedule digest, out ReplyText problem)
    {
        digest = DigestSchedule.Off;
        problem = ReplyText.Empty;
        if (modeWord.Length == 0)
        {
            problem = ReplyText.Of($"give a digest mode: {Cmd("digest", "off")}, {Cmd("digest", "hourly")} or {Cmd("digest", "daily", "08:00")}");
            return false;
        }
        var mode = modeWord.ToLowerInvariant();
        switch (mode)
        {
            case "off" or "none" or "no" when rest.Length == 0:
                return true;
            case "hourly" when rest.Length == 0:
                digest = DigestSchedule.Hourly;
                return true;
            case "off" or "none" or "no" or "hourly":
                problem = ReplyText.Of($"{Cmd("digest", mode)} takes nothing after it, not '{rest}'");
                return false;
            case "daily":
                return TryParseDailyTimes(rest, out digest, out problem);
        }
        // "/digest 08:00" reads as a daily digest at that time.
        if (ClockTime.TryParse(modeWord, out _)) return TryParseDailyTimes((modeWord + " " + rest).Trim(), out digest, out problem);
        problem = ReplyText.Of($"'{modeWord}' is not a digest mode; use {Cmd("digest", "off")}, {Cmd("digest", "hourly")} or {Cmd("digest", "daily", "08:00")}");
        return false;
    }

    private static bool TryParseDailyTimes(string text, out DigestSchedule digest, out ReplyText problem)
    {
        digest = DigestSchedule.Off;
        problem = ReplyText.Empty;
        if (text.StartsWith("at ", StringComparison.OrdinalIgnoreCase)) text = text[3..];
        // "08:00,18:00", "08:00 18:00", "8am and 6pm"; a part like "8 am" stays whole when it reads as a time.
        var parts = TimeListSeparator().Split(text.Trim())
            .SelectMany(p => ClockTime.TryParse(p, out _) ? [p] : p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 0).ToList();
        if (parts.Count == 0)
        {
            problem = ReplyText.Of($"give the time for the daily digest, e.g. {Cmd("digest", "daily", "08:00")} (or several: 08:00,18:00)");
            return false;
        }
        var times = new List<TimeOnly>();
        foreach (var part in parts)
        {
            if (!ClockTime.TryParse(part, out var time))
            {
                problem = ReplyText.Of($"'{part}' is not a time of day like 08:00 or 18:30");
                return false;
            }
            times.Add(time);
        }
        if (times.Distinct().Count() > DigestSchedule.MaxDailyTimes)
        {
            problem = ReplyText.Of($"at most {DigestSchedule.MaxDailyTimes} daily digest times; for more use {Cmd("digest", "hourly")}");
            return false;
        }
        digest = DigestSchedule.Daily(times);
        return true;
    }

    public static bool TryParseQuiet(string text, out QuietHours? quiet, out ReplyText problem)
    {
        quiet = null;
        problem = ReplyText.Empty;
        var trimmed = text.Trim();
        if (trimmed.ToLowerInvariant() is "off" or "none" or "no") return true;
        var ends = RangeSeparator().Split(trimmed);
        if (ends.Length == 1) ends = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (ends.Length != 2 || ends[0].Length == 0 || ends[1].Length == 0)
        {
            problem = ReplyText.Of($"'{trimmed}' is not a start and end; {QuietShape} (or {Cmd("quiet", "off")})");
            return false;
        }
        var times = new TimeOnly[2];
        for (var i = 0; i < times.Length; i++)
        {
            if (!ClockTime.TryParse(ends[i], out times[i]))
            {
                problem = ReplyText.Of($"'{ends[i].Trim()}' is not a time of day; {QuietShape}");
                return false;
            }
        }
        var (start, stop) = (times[0], times[1]);
        if (start == stop)
        {
            problem = ReplyText.Of($"quiet hours need different start and end times; {QuietShape}");
            return false;
        }
        quiet = new QuietHours(start, stop);
        return true;
    }

    public static bool TryParseLimit(string text, out int limit, out ReplyText problem)
    {
        problem = ReplyText.Empty;
        var trimmed = text.Trim();
        if (!int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit))
        {
            problem = ReplyText.Of($"'{trimmed}' is not a number; give how many alerts an hour you want at most, e.g. {Cmd("limit", "20")}");
            return false;
        }
        if (limit < DeliveryPreferences.MinHourlyLimit)
            problem = ReplyText.Of($"the limit must be at least 1 alert an hour; to stop alerts use {Cmd("pause")}");
        else if (limit > DeliveryPreferences.MaxHourlyLimit)
            problem = ReplyText.Of($"{limit} is over the most allowed, {DeliveryPreferences.MaxHourlyLimit} alerts an hour");
        return problem.Parts.Count == 0;
    }

    /// <summary><see cref="TimeZoneLookup.TryFind"/>, whose explanations name no command.</summary>
    private static bool TryParseTimeZone(string text, out TimeZoneInfo zone, out ReplyText problem)
    {
        var found = TimeZoneLookup.TryFind(text, out zone, out var words);
        problem = ReplyText.Plain(words);
        return found;
    }

    // Phones turn "-" into en or em dashes; people also write "22:00 to 07:00".
    [GeneratedRegex(@"\s*(?:-|–|—|\bto\b|\buntil\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"\s*(?:,|;|\band\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TimeListSeparator();
}
