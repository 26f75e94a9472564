namespace NewsBot.Discord.Rest;

/// <summary>
/// Discord: at most 50 requests per second per bot across all routes (topics/rate-limits.mdx "Global Rate Limit").
/// A sliding window: a request may start only when fewer than the limit started in the last window. The
/// window is a little longer than one second so network jitter never lets the server count one too many.
/// A global 429 blocks every request until its retry_after has passed.
/// </summary>
internal sealed class GlobalRateLimiter(int requestsPerSecond, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1050);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = _blockedUntil - now;
                while (_recent.Count > 0 && now - _recent.Peek() >= Window) _recent.Dequeue();
                if (_recent.Count >= requestsPerSecond) wait = Max(wait, _recent.Peek() + Window - now);
                if (wait <= TimeSpan.Zero) break;
                await Task.Delay(wait, time, cancellationToken);
            }
            _recent.Enqueue(time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Discord sent a 429 with global=true: nothing goes out until retry_after has passed.</summary>
    public void Block(TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (_recent)
        {
            if (until > _blockedUntil) _blockedUntil = until;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
