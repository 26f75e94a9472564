namespace NewsBot.Telegram.Sending;

/// <summary>
/// Exponential backoff with jitter over consecutive failures: base·2^(n-1), capped, then a random
/// point in its upper half so many retries do not arrive together. Thread-safe.
/// </summary>
public sealed class FailureBackoff(TimeSpan first, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private int _failures;

    public int ConsecutiveFailures => Volatile.Read(ref _failures);

    /// <summary>Records one more failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        var n = Math.Min(Interlocked.Increment(ref _failures), 30);
        var cap = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, n - 1));
        return TimeSpan.FromMilliseconds(cap / 2 + _random.NextDouble() * cap / 2);
    }

    public void Reset() => Interlocked.Exchange(ref _failures, 0);
}
