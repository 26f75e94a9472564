namespace NewsBot.Core.Delivery;

/// <summary>Plain-text sentences about delivery settings, for command replies and /list.</summary>
public static class DeliveryDescription
{
    /// <summary>
    /// e.g. "Digest daily at 08:00 Europe/Berlin; quiet 22:00–07:00; at most 20 alerts an hour"; a chat
    /// that chose no limit is shown <paramref name="defaultHourlyLimit"/>, the one in force, marked "(default)".
    /// </summary>
    public static string Describe(DeliveryPreferences prefs, int defaultHourlyLimit)
    {
        var zone = prefs.TimeZone.Id;
        var zoneShown = false;
        string WithZone(string text)
        {
            if (zoneShown) return text;
            zoneShown = true;
            return $"{text} {zone}";
        }

        var parts = new List<string>
        {
            prefs.Digest.Mode switch
            {
                DigestMode.Hourly => "Digest every hour",
                DigestMode.Daily => WithZone("Digest daily at " + Times(prefs.Digest.DailyTimes)),
                _ => "Alerts sent as they arrive",
            },
            prefs.Quiet is { } q ? WithZone($"quiet {ClockTime.Format(q.Start)}–{ClockTime.Format(q.End)}") : "no quiet hours",
            HourlyLimit(prefs, defaultHourlyLimit),
        };
        if (!zoneShown) parts.Add("time zone " + zone);
        return string.Join("; ", parts);
    }

    /// <summary>The reply to a delivery command: what changed, the whole setting, and a hint when times are read in UTC by default.</summary>
    public static Commands.ReplyText Confirm(DeliveryChange change, DeliveryPreferences updated, int defaultHourlyLimit)
    {
        var lead = change switch
        {
            DeliveryChange.SetDigest { Digest.Mode: DigestMode.Off } => "Digests off: alerts arrive one by one.",
            DeliveryChange.SetDigest { Digest.Mode: DigestMode.Hourly } => "Alerts now arrive as one digest at the top of every hour.",
            DeliveryChange.SetDigest d => $"Alerts now arrive as one digest daily at {Times(d.Digest.DailyTimes)}.",
            DeliveryChange.SetQuiet { Quiet: null } => "Quiet hours off.",
            DeliveryChange.SetQuiet { Quiet: { } q } =>
                $"Quiet from {ClockTime.Format(q.Start)} to {ClockTime.Format(q.End)}: alerts in that time arrive as one digest when it ends.",
            DeliveryChange.SetTimeZone z => $"Time zone set to {z.TimeZone.Id}.",
            DeliveryChange.SetLimit l => $"At most {l.HourlyLimit} alerts an hour; any more arrive as one digest.",
            _ => "Delivery settings:",
        };
        var usesTimes = updated.Digest.Mode == DigestMode.Daily || updated.Quiet is not null;
        var hint = usesTimes && updated.TimeZone.Id == TimeZoneInfo.Utc.Id && change is not DeliveryChange.SetTimeZone
            ? Commands.ReplyText.Of($"\nTimes are read in UTC; set yours with {Commands.CommandMention.Of("timezone")}, e.g. {Commands.CommandMention.Of("timezone", "Europe/Berlin")}.")
            : Commands.ReplyText.Empty;
        return Commands.ReplyText.Of($"{lead}\n{Describe(updated, defaultHourlyLimit)}.{hint}");
    }

    private static string HourlyLimit(DeliveryPreferences prefs, int defaultHourlyLimit)
    {
        var limit = prefs.HourlyLimitOr(defaultHourlyLimit);
        var text = $"at most {limit} {(limit == 1 ? "alert" : "alerts")} an hour";
        return prefs.HourlyLimit is null ? text + " (default)" : text;
    }

    private static string Times(IReadOnlyList<TimeOnly> times) => times.Count switch
    {
        1 => ClockTime.Format(times[0]),
        _ => string.Join(", ", times.Take(times.Count - 1).Select(ClockTime.Format)) + " and " + ClockTime.Format(times[^1]),
    };
}
