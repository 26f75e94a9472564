using NewsBot.Configuration;
using NewsBot.Core.Delivery;

namespace NewsBot.Console;

/// <summary>
/// The console chat's delivery preferences, from NewsBot:Console (HourlyLimit, Digest, Quiet,
/// TimeZone) in the grammar of the chat commands, since nobody can type those commands into it.
/// </summary>
public static class ConsoleDeliveryRules
{
    /// <summary>The console chat's preferences; the values were checked at start (<see cref="Read"/> found no problem).</summary>
    public static DeliveryPreferences Preferences(ConsoleOptions options)
    {
        var problems = new List<string>();
        var prefs = Read(options, problems);
        return problems.Count == 0 ? prefs
            : throw new InvalidOperationException($"{ConsoleOptions.Section}: {string.Join("; ", problems)}");
    }

    /// <summary>Reads the rules; each value that does not read adds a problem naming its key to <paramref name="problems"/>.</summary>
    public static DeliveryPreferences Read(ConsoleOptions options, List<string> problems)
    {
        const string s = ConsoleOptions.Section;
        // Unset, the console takes the most any chat may have: see ConsoleOptions.HourlyLimit for why.
        var prefs = DeliveryPreferences.Default with { HourlyLimit = DeliveryPreferences.MaxHourlyLimit };
        if (options.HourlyLimit is { } limit)
        {
            if (limit is >= DeliveryPreferences.MinHourlyLimit and <= DeliveryPreferences.MaxHourlyLimit)
                prefs = prefs with { HourlyLimit = limit };
            else
                problems.Add($"{s}:HourlyLimit must be between {DeliveryPreferences.MinHourlyLimit} and {DeliveryPreferences.MaxHourlyLimit} (got {limit})");
        }
        if (!string.IsNullOrWhiteSpace(options.Digest))
        {
            if (DeliveryCommandParser.TryParseDigest(options.Digest, out var digest, out _)) prefs = prefs with { Digest = digest };
            else problems.Add($"{s}:Digest must be off, hourly, or daily with times such as 'daily 08:00,18:00' (got '{options.Digest}')");
        }
        if (!string.IsNullOrWhiteSpace(options.Quiet))
        {
            if (DeliveryCommandParser.TryParseQuiet(options.Quiet, out var quiet, out _)) prefs = prefs with { Quiet = quiet };
            else problems.Add($"{s}:Quiet must be off or a period such as '22:00-07:00' (got '{options.Quiet}')");
        }
        if (!string.IsNullOrWhiteSpace(options.TimeZone))
        {
            if (TimeZoneLookup.TryFind(options.TimeZone, out var zone, out var problem)) prefs = prefs with { TimeZone = zone };
            else problems.Add($"{s}:TimeZone: {problem}");
        }
        return prefs;
    }
}
