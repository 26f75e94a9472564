using System.Globalization;

namespace NewsBot.Core.Commands;

/// <summary>
/// The arguments of the one-tap controls under an alert (/mutestory, /why, /pause 1h), typed or pressed:
/// a button's callback data is the same text, so a press is read by the same rules as a typed command.
/// </summary>
public static partial class CommandArguments
{
    /// <summary>The longest /pause with a duration: a week. Longer is what /pause without one is for.</summary>
    public static readonly TimeSpan MaxPauseFor = TimeSpan.FromDays(7);

    /// <summary>The shortest /pause with a duration.</summary>
    public static readonly TimeSpan MinPauseFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// /pause alone keeps its meaning (alerts stop until /resume); /pause 30m, 1h, 2h, 1d (up to
    /// <see cref="MaxPauseFor"/>) holds alerts for that long, then they come as one digest.
    /// </summary>
    public static ChatCommand Pause(string? args)
    {
        var text = (args ?? "").Trim();
        if (text.Length == 0) return new ChatCommand.Pause();
        if (PauseDuration(text) is not { } duration)
            return Malformed("pause", $"'{Shorten(text)}' is not a duration; say e.g. {Cmd("pause", "30m")}, {Cmd("pause", "1h")} or {Cmd("pause", "2d")}, or {Cmd("pause")} alone to stop alerts until {Cmd("resume")}");
        if (duration < MinPauseFor || duration > MaxPauseFor)
            return Malformed("pause", $"a pause lasts from 1 minute to 7 days; for longer use {Cmd("pause")} alone and {Cmd("resume")} later");
        return new ChatCommand.Pause(duration);
    }

    /// <summary>"90m", "1h", "1 h", "2d", "1h30m": at most two parts, each a number of up to 5 digits and a unit (m, h, d).</summary>
    public static TimeSpan? PauseDuration(string text)
    {
        if (text.Length > 20) return null;
        var total = TimeSpan.Zero;
        var parts = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ') i++;
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start || i - start > 5) return null;
            var number = int.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            while (i < text.Length && text[i] == ' ') i++;
            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            TimeSpan? unit = text[unitStart..i].ToLowerInvariant() switch
            {
                "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(1),
                "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(1),
                "d" or "day" or "days" => TimeSpan.FromDays(1),
                _ => null,
            };
            if (unit is null || ++parts > 2) return null;
            total += unit.Value * number;
            while (i < text.Length && text[i] == ' ') i++;
        }
        return parts == 0 ? null : total;
    }

    /// <summary>/mutestory &lt;alert id&gt;, the "Mute this story" button.</summary>
    public static ChatCommand MuteStory(string? args) => AlertId("mutestory", args) is { } id ? new ChatCommand.MuteStory(id) : BadAlertId("mutestory", args);

    /// <summary>/why &lt;alert id&gt;, the "Why?" button.</summary>
    public static ChatCommand Why(string? args) => AlertId("why", args) is { } id ? new ChatCommand.Why(id) : BadAlertId("why", args);

    private static long? AlertId(string name, string? args) =>
        long.TryParse((args ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static ChatCommand.Malformed BadAlertId(string name, string? args) =>
        string.IsNullOrWhiteSpace(args)
            ? Malformed(name, $"give the alert's number; the buttons under each alert fill it in")
            : Malformed(name, $"'{Shorten(args.Trim())}' is not an alert number; the buttons under each alert fill it in");
}
