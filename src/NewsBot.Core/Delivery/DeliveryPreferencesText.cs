using System.Globalization;

namespace NewsBot.Core.Delivery;

/// <summary>
/// The storage form of <see cref="DeliveryPreferences"/>: one short text column on the chat row,
/// e.g. <c>digest=daily 08:00,18:30;quiet=22:00-07:00;tz=Europe/Berlin;limit=20</c>.
/// A null or empty column means the defaults. <c>limit</c> is written only when the chat chose one,
/// so a chat without it follows NewsBot:Delivery:DefaultHourlyLimit. (Versions before issue 15
/// always wrote it: their <c>limit=20</c> reads as chosen, since it may have been.) Unknown keys are
/// ignored so that during a rolling upgrade an older instance can read what a newer one wrote.
/// </summary>
public static class DeliveryPreferencesText
{
    public static string Format(DeliveryPreferences prefs)
    {
        var text = $"digest={prefs.Digest};quiet={(prefs.Quiet?.ToString() ?? "off")};tz={prefs.TimeZone.Id}";
        return prefs.HourlyLimit is { } limit ? $"{text};limit={limit.ToString(CultureInfo.InvariantCulture)}" : text;
    }

    /// <summary>The stored preferences; text that does not parse (damaged) reads as the defaults.</summary>
    public static DeliveryPreferences ReadOrDefault(string? stored) =>
        TryParse(stored, out var prefs, out _) ? prefs : DeliveryPreferences.Default;

    /// <summary>Reads a stored value; on failure <paramref name="problem"/> names the bad part and the defaults are returned.</summary>
    public static bool TryParse(string? stored, out DeliveryPreferences prefs, out string problem)
    {
        prefs = DeliveryPreferences.Default;
        problem = "";
        if (string.IsNullOrWhiteSpace(stored)) return true;
        var result = DeliveryPreferences.Default;
        foreach (var part in stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                problem = $"delivery preferences '{stored}': '{part}' is not key=value";
                return false;
            }
            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            string? error = null;
            switch (key)
            {
                case "digest":
                    if (DeliveryCommandParser.TryParseDigest(value, out var digest, out var digestProblem)) result = result with { Digest = digest };
                    else error = digestProblem.ToString();
                    break;
                case "quiet":
                    if (DeliveryCommandParser.TryParseQuiet(value, out var quiet, out var quietProblem)) result = result with { Quiet = quiet };
                    else error = quietProblem.ToString();
                    break;
                case "tz":
                    if (TimeZoneLookup.TryFind(value, out var zone, out error)) result = result with { TimeZone = zone };
                    break;
                case "limit":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) &&
                        limit is >= DeliveryPreferences.MinHourlyLimit and <= DeliveryPreferences.MaxHourlyLimit)
                        result = result with { HourlyLimit = limit };
                    else
                        error = $"'{value}' is not a limit from {DeliveryPreferences.MinHourlyLimit} to {DeliveryPreferences.MaxHourlyLimit}";
                    break;
            }
            if (error is { Length: > 0 })
            {
                problem = $"delivery preferences '{stored}': {key}: {error}";
                return false;
            }
        }
        prefs = result;
        return true;
    }
}
