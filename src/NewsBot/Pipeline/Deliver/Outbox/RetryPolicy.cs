using NewsBot.Core.Alerts;

namespace NewsBot.Pipeline.Deliver.Outbox;

/// <summary>
/// When an outbox item that could not be sent is tried again, and when it is given up. The same for
/// alerts, digests and source notices.
/// </summary>
public static class RetryPolicy
{
    /// <summary>An item is marked failed (with the last reason) after this many attempts.</summary>
    public const int MaxAttempts = 20;

    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Whether the attempt numbered <paramref name="attempt"/> (1 = the first) was the last one.</summary>
    public static bool GivesUp(int attempt) => attempt >= MaxAttempts;

    /// <summary>
    /// The wait after failed attempt number <paramref name="attempt"/>. The platform's own delay is a
    /// floor, never shortened: a 429's Retry-After says when the bot may send again. The first two
    /// retries use it as it is (a rate limit clears quickly); from the third on the outbox's backoff
    /// grows from <see cref="FirstBackoff"/>, doubling up to <see cref="MaxBackoff"/>, so a chat or
    /// platform that keeps failing is asked less and less often.
    /// </summary>
    public static TimeSpan Delay(SendOutcome.RetryLater retry, int attempt)
    {
        var backoff = attempt < 3 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempt - 3, 20)));
        return retry.After > backoff ? retry.After : backoff;
    }
}
