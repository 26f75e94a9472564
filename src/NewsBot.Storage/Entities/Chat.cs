namespace NewsBot.Storage.Entities;

/// <summary>A place alerts go to: a Telegram chat, a Discord channel, the console.</summary>
public sealed class Chat
{
    public long Id { get; set; }

    /// <summary>Matches <c>IChatPlatform.Name</c>: "console", "telegram", "discord".</summary>
    public required string Platform { get; set; }

    /// <summary>The platform's id for the chat, as text.</summary>
    public required string ExternalId { get; set; }

    public string? Title { get; set; }
    public bool Paused { get; set; }

    /// <summary>"Pause 1 h": alerts wait (held for a digest) until this time; null when not snoozed.</summary>
    public DateTime? PausedUntil { get; set; }

    /// <summary>
    /// For a forum topic or thread: <see cref="ExternalId"/> of the chat it belongs to (the group, the channel
    /// a Discord thread or forum post hangs off), where a notice goes when the topic is closed or deleted. Null for a chat.
    /// </summary>
    public string? ParentExternalId { get; set; }

    /// <summary>Set when the platform says the chat is gone (blocked, kicked); no sends until the chat comes back.</summary>
    public string? DeactivatedReason { get; set; }

    /// <summary>Digest, quiet hours, time zone and hourly limit, as <c>DeliveryPreferencesText</c> writes them; null = defaults.</summary>
    public string? DeliveryPreferences { get; set; }

    public DateTime CreatedAt { get; set; }
    public List<ChatFilter> Filters { get; set; } = [];
}
