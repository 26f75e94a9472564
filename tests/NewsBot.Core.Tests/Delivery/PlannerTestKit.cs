using System.Globalization;
using NewsBot.Core.Delivery;

namespace NewsBot.Core.Tests.Delivery;

/// <summary>Short ways to write preferences and UTC instants in planner tests.</summary>
internal static class PlannerTestKit
{
    /// <summary>NewsBot:Delivery:DefaultHourlyLimit as shipped, for chats that chose no limit.</summary>
    public const int DefaultLimit = DeliveryPreferences.DefaultHourlyLimit;

    /// <summary>"2026-03-29T01:00" read as UTC.</summary>
    public static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.ParseExact(iso, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);

    /// <summary>Preferences from their stored form, e.g. "digest=daily 02:30;tz=Europe/Berlin".</summary>
    public static DeliveryPreferences Prefs(string stored)
    {
        Assert.True(DeliveryPreferencesText.TryParse(stored, out var prefs, out var problem), problem);
        return prefs;
    }

    public static DateTimeOffset HeldUntil(DeliveryDecision decision, DigestKind kind)
    {
        var hold = Assert.IsType<DeliveryDecision.HoldUntil>(decision);
        Assert.Equal(kind, hold.Kind);
        return hold.Until;
    }
}
