namespace NewsBot.Pipeline.Push;

/// <summary>When a subscription's next request to its hub is due.</summary>
public static class PushLeaseSchedule
{
    /// <summary>A request the hub accepted but never verified is sent again after this.</summary>
    public static readonly TimeSpan VerificationWait = TimeSpan.FromHours(1);

    /// <summary>Longest wait between attempts at a failing hub.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>Renew at 80 % of the lease or a day before it ends, whichever comes first.</summary>
    public static DateTimeOffset RenewAt(DateTimeOffset verifiedAt, TimeSpan lease)
    {
        var eighty = TimeSpan.FromTicks(lease.Ticks / 5 * 4);
        var dayBefore = lease - TimeSpan.FromDays(1);
        return verifiedAt + (dayBefore > TimeSpan.Zero && dayBefore < eighty ? dayBefore : eighty);
    }

    /// <summary>1, 2, 4 … minutes after consecutive failures, at most <see cref="MaxBackoff"/>; a hub's Retry-After when longer.</summary>
    public static DateTimeOffset Retry(DateTimeOffset now, int failures, TimeSpan? retryAfter)
    {
        var backoff = TimeSpan.FromMinutes(Math.Pow(2, Math.Clamp(failures - 1, 0, 16)));
        if (backoff > MaxBackoff) backoff = MaxBackoff;
        if (retryAfter is { } hub && hub > backoff) backoff = hub < TimeSpan.FromDays(1) ? hub : TimeSpan.FromDays(1);
        return now + backoff;
    }
}
