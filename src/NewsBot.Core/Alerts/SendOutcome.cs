namespace NewsBot.Core.Alerts;

/// <summary>The result of handing one message to a platform.</summary>
public abstract record SendOutcome
{
    /// <summary>The platform accepted the message.</summary>
    public sealed record Sent(string? MessageId) : SendOutcome;

    /// <summary>Transient failure (rate limit, network, 5xx): try again after the delay.</summary>
    public sealed record RetryLater(TimeSpan After, string Reason) : SendOutcome;

    /// <summary>The chat can no longer receive messages (blocked, kicked, deleted): stop sending to it.</summary>
    public sealed record ChatGone(string Reason) : SendOutcome;

    /// <summary>The chat moved to a new id (Telegram group → supergroup): move it and send again.</summary>
    public sealed record ChatMoved(string NewChatId) : SendOutcome;

    /// <summary>A permanent failure of this one message; the alert is marked failed with the reason.</summary>
    public sealed record Failed(string Reason) : SendOutcome;
}
