using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Gateway;

/// <summary>
/// Discord events/gateway.mdx "Rate Limiting": one identify per 5 s per rate-limit bucket (a single-shard bot
/// has one bucket whatever max_concurrency says), and no identify when session_start_limit.remaining is 0 —
/// going over 1,000 identifies a day resets the bot token. In that case wait reset_after.
/// </summary>
internal sealed class IdentifyLimiter(TimeSpan window, TimeProvider time)
{
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>The wait that <see cref="WaitAsync"/> will apply, for logging.</summary>
    public TimeSpan WaitFor(SessionStartLimit? limit)
    {
        var now = time.GetUtcNow();
        var wait = _last == DateTimeOffset.MinValue ? TimeSpan.Zero : _last + window - now;
        if (limit is { Remaining: <= 0 } && TimeSpan.FromMilliseconds(limit.ResetAfter) > wait) wait = TimeSpan.FromMilliseconds(limit.ResetAfter);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public async Task WaitAsync(SessionStartLimit? limit, CancellationToken cancellationToken)
    {
        var wait = WaitFor(limit);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        _last = time.GetUtcNow();
    }
}
