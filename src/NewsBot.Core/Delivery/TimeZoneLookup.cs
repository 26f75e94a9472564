using System.Text.RegularExpressions;

namespace NewsBot.Core.Delivery;

/// <summary>
/// Finds a time zone from what a user types. .NET on Linux reads the IANA database, whose ids are
/// case-sensitive file names; users type "europe/berlin", "new york" or "Kolkata", so we match ids
/// case-insensitively, by city, and accept Windows ids and the UTC spellings.
/// </summary>
public static partial class TimeZoneLookup
{
    public const string Examples = "Europe/Berlin, America/New_York or Asia/Kolkata";

    private static readonly Lazy<IReadOnlyList<string>> KnownIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct().ToList());

    private static readonly string[] UtcSpellings = ["utc", "gmt", "z", "zulu", "etc/utc", "universal"];

    /// <summary>The zone, or a message saying why the text is not one.</summary>
    public static bool TryFind(string? text, out TimeZoneInfo zone, out string problem)
    {
        zone = TimeZoneInfo.Utc;
        problem = "";
        var wanted = (text ?? "").Trim().Replace(' ', '_');
        if (wanted.Length == 0)
        {
            problem = $"give a time zone such as {Examples}";
            return false;
        }
        if (UtcSpellings.Contains(wanted, StringComparer.OrdinalIgnoreCase)) return true;
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(text!.Trim(), out var fromWindows) && TryLoad(fromWindows, out zone)) return true;
        if (FixedOffset().IsMatch(wanted))
        {
            problem = $"'{text!.Trim()}' is a fixed offset, which does not follow daylight saving; give the zone of a city instead, such as {Examples}";
            return false;
        }
        if (!SafeId().IsMatch(wanted) || wanted.Contains(".."))
        {
            problem = $"'{text!.Trim()}' is not a time zone name; give one such as {Examples}";
            return false;
        }

        // Fast path without loading every zone: "europe/berlin" → "Europe/Berlin", "america/new_york" → "America/New_York".
        if (TryLoad(TitleCase(wanted), out zone)) return true;
        var id = KnownIds.Value.FirstOrDefault(k => string.Equals(k, wanted, StringComparison.OrdinalIgnoreCase))
            ?? ByCity(wanted)
            ?? wanted; // links such as Asia/Calcutta are absent from the list but FindSystemTimeZoneById knows them
        if (TryLoad(id, out zone)) return true;

        var close = Suggestions(wanted);
        problem = close.Count > 0
            ? $"'{text!.Trim()}' is not a time zone I know; did you mean {string.Join(" or ", close)}?"
            : $"'{text!.Trim()}' is not a time zone I know; give an IANA zone such as {Examples}";
        return false;
    }

    /// <summary>Zones offered before the user has typed anything: where most readers are.</summary>
    private static readonly string[] Popular =
    [
        "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Rome", "Europe/Kyiv", "Europe/Moscow",
        "Europe/Istanbul", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
        "America/Mexico_City", "Africa/Cairo", "Africa/Lagos", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai",
        "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
    ];

    /// <summary>
    /// Zone ids for a partly typed name, best first, for autocomplete menus: ids starting with the text,
    /// then ids whose city starts with it, then ids containing it. Nothing typed gives the popular zones.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string? typed, int max)
    {
        var wanted = (typed ?? "").Trim().Replace(' ', '_');
        if (wanted.Length == 0)
            return Popular.Where(id => id == "UTC" || KnownIds.Value.Contains(id, StringComparer.Ordinal)).Take(max).ToList();
        int? Rank(string id) =>
            id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) ? 0
            : City(id).StartsWith(wanted, StringComparison.OrdinalIgnoreCase) ? 1
            : id.Contains(wanted, StringComparison.OrdinalIgnoreCase) ? 2
            : null;
        return KnownIds.Value
            .Select(id => (Id: id, Rank: Rank(id)))
            .Where(x => x.Rank is not null)
            .OrderBy(x => x.Rank).ThenBy(x => x.Id.Length).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(max).Select(x => x.Id).ToList();
    }

    private static string TitleCase(string id)
    {
        var chars = id.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (i == 0 || chars[i - 1] is '/' or '_' or '-') chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }

    private static string? ByCity(string wanted)
    {
        if (wanted.Contains('/')) return null;
        var matches = KnownIds.Value
            .Where(k => string.Equals(k[(k.LastIndexOf('/') + 1)..], wanted, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    // Zones whose city is one typo (two for long names) from the one typed; a swap of two letters is one typo.
    private static List<string> Suggestions(string wanted)
    {
        var city = City(wanted).ToLowerInvariant();
        if (city.Length < 4) return [];
        return KnownIds.Value
            .Where(k => k.Contains('/'))
            .Select(k => (Id: k, Distance: EditDistance(city, City(k).ToLowerInvariant())))
            .Where(x => x.Distance <= (city.Length >= 8 ? 2 : 1))
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Id)
            .ToList();
    }

    private static string City(string id) => id[(id.LastIndexOf('/') + 1)..];

    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return int.MaxValue;
        // Optimal string alignment distance (Levenshtein plus adjacent swaps).
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    private static bool TryLoad(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // Not a zone; the caller turns this into a message for the user.
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    [GeneratedRegex(@"^(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FixedOffset();

    // IANA ids are ASCII letters, digits, '_', '-', '+' and '/' (tz-link.html "Names of timezones").
    [GeneratedRegex(@"^[A-Za-z0-9_+\-/]{1,64}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SafeId();
}
