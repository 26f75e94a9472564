namespace NewsBot.Configuration;

/// <summary>NewsBot:WebSub — push subscriptions (W3C WebSub) to the hubs feeds advertise.</summary>
public sealed class WebSubOptions
{
    public const string Section = "NewsBot:WebSub";

    /// <summary>
    /// The public address hubs call back, e.g. https://newsbot.example.org; NewsBot serves
    /// {CallbackBaseUrl}/websub/{id} for each subscription. Unset (the default): nothing subscribes,
    /// every source is polled. An absolute https URL; plain http only for a loopback host (tests, a
    /// local hub), since hubs send the content and its signature to this address.
    /// </summary>
    public Uri? CallbackBaseUrl { get; set; }

    /// <summary>hub.lease_seconds asked for; the hub may grant another. Default 10 days; between 1 minute and 365 days.</summary>
    public int LeaseSeconds { get; set; } = 10 * 24 * 3600;

    /// <summary>
    /// How often a source with an active subscription is still polled, in case a push is lost. Never
    /// faster than the source's own interval. Default 1 hour; at least 1 second.
    /// </summary>
    public TimeSpan SafetyPollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether push is on at all.</summary>
    public bool Enabled => CallbackBaseUrl is not null;
}
