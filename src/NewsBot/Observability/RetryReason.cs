namespace NewsBot.Observability;

/// <summary>
/// Sorts a sender's retry reason into a few fixed tag values, so a free-text reason (which can
/// name a chat) never becomes a metric label.
/// </summary>
public static class RetryReason
{
    public const string RateLimited = "rate_limited";
    public const string Unauthorized = "unauthorized";
    public const string Error = "error";

    /// <summary>
    /// Telegram floods read "Too Many Requests: retry after N" (error_code 429); our Discord client
    /// reports "rate limited, retry after N s"; both adapters name a rejected token.
    /// </summary>
    public static string Classify(string reason)
    {
        if (reason.Contains("429", StringComparison.Ordinal)
            || reason.Contains("Too Many Requests", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("rate limit", StringComparison.OrdinalIgnoreCase))
            return RateLimited;
        if (reason.Contains("401", StringComparison.Ordinal) || reason.Contains("token", StringComparison.OrdinalIgnoreCase))
            return Unauthorized;
        return Error;
    }
}
