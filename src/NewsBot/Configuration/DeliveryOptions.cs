using Microsoft.Extensions.Options;
using NewsBot.Core.Delivery;

namespace NewsBot.Configuration;

/// <summary>
/// NewsBot:Delivery — the hourly limit of chats that set none, and notices about failing sources to
/// the chats that depend on them and to the admins. (ClaimLease, in the same section, belongs to the
/// outbox: <see cref="Scaling.ClaimLeaseOptions"/>.)
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "NewsBot:Delivery";

    /// <summary>
    /// Alerts per rolling hour for a chat that never set its own with /limit; the rest arrive as one
    /// "N more alerts" digest. Changing it changes every such chat. Default 20; between 1 and 1000.
    /// </summary>
    public int DefaultHourlyLimit { get; set; } = DeliveryPreferences.DefaultHourlyLimit;

    /// <summary>A source failing for longer than this gets one notice (and one when it works again).</summary>
    public TimeSpan SourceFailingNoticeAfter { get; set; } = TimeSpan.FromHours(24);
}

internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions o)
    {
        const string s = DeliveryOptions.Section;
        var errors = new List<string>();
        if (o.DefaultHourlyLimit is < DeliveryPreferences.MinHourlyLimit or > DeliveryPreferences.MaxHourlyLimit)
            errors.Add($"{s}:DefaultHourlyLimit must be between {DeliveryPreferences.MinHourlyLimit} and {DeliveryPreferences.MaxHourlyLimit} (got {o.DefaultHourlyLimit})");
        if (o.SourceFailingNoticeAfter < TimeSpan.FromMinutes(1))
            errors.Add($"{s}:SourceFailingNoticeAfter must be at least 00:01:00 (got {o.SourceFailingNoticeAfter})");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
