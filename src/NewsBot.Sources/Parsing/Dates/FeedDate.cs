using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBot.Sources.Parsing.Dates;

/// <summary>
/// Reads the dates feeds actually contain, in UTC, independent of the machine's culture and time
/// zone: RFC 822/1123/5322 (any zone name or numeric offset, missing or wrong weekday, two-digit
/// years, missing seconds, a trailing "(EEST)" comment), ISO 8601 / RFC 3339 with or without an
/// offset (none means UTC, as RSS readers conventionally assume), and "2024-01-25 10:00:00".
/// Month and weekday names may be in the common news languages ("Seg, 24 Set 2018 10:00:00 -0300",
/// "24 сентября 2018", "الاثنين ٢٤ أيلول ٢٠١٨", see <see cref="LocalizedDateNames"/>), digits in any script.
/// </summary>
public static partial class FeedDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>
    /// The longest honest date ("Wednesday, 25 September 2024 10:00:00.1234567 +0000 (Central European
    /// Summer Time)") is under 100 characters; longer text is not read at all, which bounds the
    /// patterns below that cannot use the linear engine (the token pattern needs a lookbehind).
    /// </summary>
    public const int MaxLength = 200;

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length > MaxLength) return null;
        text = LocalizedDateNames.AsciiDigits(text);
        var parsed = ParseIso(text) ?? ParseRfc822(text);
        if (parsed is null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var fallback))
            parsed = fallback;
        return parsed is { Year: >= 1900 } value ? value.ToUniversalTime() : null;
    }

    private static DateTimeOffset? ParseIso(string text)
    {
        var m = IsoPattern().Match(text);
        if (!m.Success) return null;
        var offset = TimeSpan.Zero;
        if (m.Groups["z"].Success && !TryOffset(m.Groups["z"].Value, out offset)) offset = TimeSpan.Zero;
        return Build(Int(m, "y"), Int(m, "mo"), Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), m.Groups["f"].Value, offset);
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        int? day = null, month = null, year = null;
        int hour = 0, minute = 0, second = 0;
        string fraction = "";
        bool sawTime = false, pm = false, am = false;
        var offset = TimeSpan.Zero;
        int? monthOrWeekday = null; // "Mar" before the day: March, or martes/mardi/martedì
        var tokens = Tokens().Matches(CommentPattern().Replace(text, " ")).Select(t => t.Value).ToList();
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            var time = TimePattern().Match(token);
            if (time.Success && !sawTime)
            {
                (hour, minute, second, fraction, sawTime) = (Int(time, "h"), Int(time, "mi"), Int(time, "s"), time.Groups["f"].Value, true);
            }
            else if (token[0] is '+' or '-' && TryOffset(token, out var numeric)) offset = numeric;
            else if (char.IsAsciiDigit(token[0]) && token.All(char.IsAsciiDigit))
            {
                var n = int.Parse(token, CultureInfo.InvariantCulture);
                if (token.Length >= 3 || (day is not null && year is null)) year = TwoDigitYear(n, token.Length);
                else if (day is null) day = n;
                else return null;
            }
            else if (month is null && k + 1 < tokens.Count && LocalizedDateNames.Month(token, tokens[k + 1]) is { } twoWords)
            {
                month = twoWords;
                k++;
            }
            else if (MonthOf(token) is { } monthNumber && month is null)
            {
                if (IsWeekday(token) && day is null && year is null) monthOrWeekday ??= monthNumber;
                else month = monthNumber;
            }
            else if (IsWeekday(token) || LocalizedDateNames.IsConnector(token)) continue; // the weekday adds nothing and is often wrong
            else if (token.Equals("AM", StringComparison.OrdinalIgnoreCase)) am = true;
            else if (token.Equals("PM", StringComparison.OrdinalIgnoreCase)) pm = true;
            else if (TryOffset(token, out var named)) offset = named;
            else if (!sawTime) return null; // an unknown word where the date should be
            // an unknown zone name after the time: read as UTC rather than lose the date
        }
        month ??= monthOrWeekday;
        if (day is null || month is null || year is null) return null;
        if (pm && hour < 12) hour += 12;
        if (am && hour == 12) hour = 0;
        return Build(year.Value, month.Value, day.Value, hour, minute, second, fraction, offset);
    }

    /// <summary>"+0300", "-05:00", "+03", "Z", "GMT", "EST", "GMT+3", "UTC+05:30".</summary>
    private static bool TryOffset(string token, out TimeSpan offset)
    {
        var m = OffsetPattern().Match(token);
        if (m.Success)
        {
            var hours = Int(m, "oh");
            var minutes = Int(m, "om");
            offset = new TimeSpan(hours, minutes, 0);
            if (m.Groups["sign"].Value == "-") offset = -offset;
            return hours <= 14 && minutes < 60;
        }
        return ZoneAbbreviations.TryGet(token, out offset);
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, string fraction, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
            return null;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        // A leap second (":60") is read as the last tick of the minute before.
        var clock = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified).AddTicks(second == 60 ? TimeSpan.TicksPerSecond - 1 : ticks);
        return new DateTimeOffset(clock, offset).ToUniversalTime();
    }

    /// <summary>RFC 5322 §4.5.4: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999; three digits add 1900.</summary>
    private static int TwoDigitYear(int n, int digits) => digits switch
    {
        <= 2 => n < 50 ? 2000 + n : 1900 + n,
        3 => 1900 + n,
        _ => n,
    };

    private static int? MonthOf(string token) => EnglishMonth(token) ?? LocalizedDateNames.Month(token);

    private static int? EnglishMonth(string token)
    {
        if (token.Length < 3) return null;
        var lower = token.ToLowerInvariant().TrimEnd('.');
        if (lower.Length < 3) return null;
        var index = Array.IndexOf(Months, lower[..3]);
        if (index < 0) return null;
        var full = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[index].ToLowerInvariant();
        return full.StartsWith(lower, StringComparison.Ordinal) || lower == "sept" ? index + 1 : null;
    }

    private static bool IsWeekday(string token) =>
        (token.Length >= 3 && Weekdays.Contains(token[..3].ToLowerInvariant())) || LocalizedDateNames.IsWeekday(token);

    private static int Int(Match m, string group) =>
        m.Groups[group].Success && m.Groups[group].Length > 0 ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d+))?)?)?\s*(?<z>Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d+))?)?$", RegexOptions.NonBacktracking)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?:GMT|UTC|UT)?(?<sign>[+-])(?<oh>\d{1,2})(?::?(?<om>\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OffsetPattern();

    /// <summary>
    /// Words (any script), numbers, times and signed offsets; commas, dots between date parts and dashes in "25-Jan-2024" separate.
    /// Backtracking engine (the lookbehind needs it), safe because its input is at most <see cref="MaxLength"/> characters.
    /// </summary>
    [GeneratedRegex(@"(?<=^|\s|\d)[+-]\d{1,2}(?::?\d{2})?\b|(?:GMT|UTC|UT)[+-]\d{1,2}(?::?\d{2})?|\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?|\d+|[\p{L}\p{M}]+\.?", RegexOptions.IgnoreCase)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.NonBacktracking)]
    private static partial Regex CommentPattern();
}
