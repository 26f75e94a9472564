using System.Globalization;

namespace NewsBot.Core.SourceHealth;

/// <summary>
/// The plain-text notices about a source's health (composed here, sent by the host like digests).
/// They say which source, since when, why in plain words, and what happens next.
/// </summary>
public static class SourceNoticeText
{
    /// <param name="affectedChats">For an admin: how many chats depend on the source and were told; null for a chat.</param>
    /// <param name="zone">The reader's time zone (a chat's <c>/timezone</c>); UTC when null.</param>
    public static string Failing(string sourceName, DateTimeOffset failingSince, DateTimeOffset now, string? lastError, int? affectedChats,
        TimeZoneInfo? zone = null)
    {
        var text = $"⚠️ The news source \"{sourceName}\" has not been readable since {When(failingSince, zone)} ({Duration(now - failingSince)}).\n"
                   + $"Last error: {FailureInPlainWords.Describe(lastError)}.\n";
        if (affectedChats is { } n)
            text += $"Chats that get news only from this source: {n}{(n > 0 ? " (they were told too)" : "")}.\n";
        return text + "NewsBot keeps retrying; you'll hear when it's back.";
    }

    public static string Recovered(string sourceName, DateTimeOffset? failingSince, DateTimeOffset backAt, int? affectedChats,
        TimeZoneInfo? zone = null)
    {
        var text = $"✅ The news source \"{sourceName}\" works again (read at {When(backAt, zone)}";
        text += failingSince is { } since ? $", after {Duration(backAt - since)} of failures).\n" : ").\n";
        if (affectedChats is { } n) text += $"Chats that get news only from this source: {n}.\n";
        return text + "New articles from it reach you again.";
    }

    /// <summary>"2026-11-29 08:00 UTC", or in the reader's zone "2026-11-29 09:00 Europe/Berlin".</summary>
    private static string When(DateTimeOffset at, TimeZoneInfo? zone) =>
        zone is null || zone.Id == TimeZoneInfo.Utc.Id
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;

    /// <summary>"25 hours", "3 days": a notice is about a day old failure, so minutes would be noise.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromHours(1)) return Plural(Math.Max(1, (int)span.TotalMinutes), "minute");
        if (span < TimeSpan.FromHours(48)) return Plural((int)span.TotalHours, "hour");
        return Plural((int)span.TotalDays, "day");
    }

    private static string Plural(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")}";
}
