using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBot.Core.Delivery;

/// <summary>Reading and writing times of day the way people type them: 07:00, 7:00, 7, 0700, 7am, 10:30pm.</summary>
public static partial class ClockTime
{
    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = Pattern().Match(text.Trim());
        if (!match.Success) return false;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (minute > 59) return false;
        var suffix = match.Groups["ampm"];
        if (suffix.Success)
        {
            if (hour is < 1 or > 12) return false;
            var pm = char.ToLowerInvariant(suffix.Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        else if (hour > 23)
        {
            return false;
        }
        time = new TimeOnly(hour, minute);
        return true;
    }

    // HH:MM and H:MM (also with '.' or 'h' as separator), HHMM, a bare hour, each with an optional am/pm.
    [GeneratedRegex(@"^(?:(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?|(?<h>\d{2})(?<m>\d{2}))\s*(?<ampm>[ap]\.?m\.?)?$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
