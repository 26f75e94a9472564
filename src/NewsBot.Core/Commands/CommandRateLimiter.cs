namespace NewsBot.Core.Commands;

/// <summary>What to do with a user's command under <see cref="CommandRateLimiter"/>.</summary>
public abstract record RateDecision
{
    /// <summary>Run the command.</summary>
    public sealed record Allowed : RateDecision;

    /// <summary>The first command over the limit: say so once, with when to try again.</summary>
    public sealed record Refused(TimeSpan RetryIn) : RateDecision;

    /// <summary>Later commands over the limit: drop them without a reply until the bucket refills.</summary>
    public sealed record Dropped(TimeSpan RetryIn) : RateDecision;
}

/// <summary>
/// A token bucket per user, shared by every platform: <see cref="PerMinute"/> commands a minute on
/// average, bursts up to the same number. The first command over the limit gets one polite reply
/// (<see cref="CommandReplies.TooFast"/>); the rest are dropped silently, so a flood costs us
/// neither work nor replies (Telegram counts our replies against the bot's own limits).
/// Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class CommandRateLimiter
{
    /// <summary>Past this many tracked users, users whose bucket is full again are forgotten.</summary>
    private const int TrimAbove = 10_000;

    private readonly object _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly double _perSecond;

    public CommandRateLimiter(int perMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        PerMinute = perMinute;
        _time = time;
        _perSecond = perMinute / 60.0;
    }

    public int PerMinute { get; }

    /// <param name="userKey">"platform:user id" of the sender.</param>
    public RateDecision Check(string userKey)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (!_buckets.TryGetValue(userKey, out var bucket))
            {
                if (_buckets.Count >= TrimAbove) Trim(now);
                _buckets[userKey] = bucket = new Bucket { Tokens = PerMinute, At = now };
            }
            bucket.Tokens = Math.Min(PerMinute, bucket.Tokens + _time.GetElapsedTime(bucket.At, now).TotalSeconds * _perSecond);
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Warned = false;
                return new RateDecision.Allowed();
            }
            var retryIn = TimeSpan.FromSeconds(Math.Ceiling((1 - bucket.Tokens) / _perSecond));
            if (bucket.Warned) return new RateDecision.Dropped(retryIn);
            bucket.Warned = true;
            return new RateDecision.Refused(retryIn);
        }
    }

    private void Trim(long now)
    {
        foreach (var (key, bucket) in _buckets.ToList())
            if (bucket.Tokens + _time.GetElapsedTime(bucket.At, now).TotalSeconds * _perSecond >= PerMinute) _buckets.Remove(key);
    }

    private sealed class Bucket
    {
        public double Tokens;
        public long At;
        public bool Warned;
    }
}
