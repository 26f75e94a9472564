namespace NewsBot.Discord.Rest;

/// <summary>
/// Discord: at most 50 requests per second per bot across all routes (topics/rate-limits.mdx "Global Rate Limit").
/// A sliding window in which each request counts from the moment its answer arrived — the latest moment
/// Discord can have counted it — so network delays can never squeeze one request too many into Discord's
/// second. A global 429 blocks every request until its retry_after has passed.
/// </summary>
internal sealed class GlobalRateLimiter(int requestsPerSecond, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<Slot> _slots = [];
    private TaskCompletionSource _answered = NewSignal();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>Waits for room; dispose the returned slot when the answer (or failure) arrives.</summary>
    public async Task<IDisposable> WaitTurnAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                Task answered;
                TimeSpan wait;
                lock (_slots)
                {
                    var now = time.GetUtcNow();
                    _slots.RemoveAll(s => s.AnsweredAt is { } at && now - at >= Window);
                    wait = _blockedUntil - now;
                    if (wait <= TimeSpan.Zero && _slots.Count < requestsPerSecond)
                    {
                        var slot = new Slot(this);
                        _slots.Add(slot);
                        return slot;
                    }
                    // Full: room opens when the oldest answered request leaves the window, or when one in flight is answered.
                    var answeredTimes = _slots.Where(s => s.AnsweredAt is not null).Select(s => s.AnsweredAt!.Value + Window - now).ToList();
                    if (wait <= TimeSpan.Zero) wait = answeredTimes.Count > 0 ? answeredTimes.Min() : Timeout.InfiniteTimeSpan;
                    answered = _answered.Task;
                }
                using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var timer = wait == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.InfiniteTimeSpan, delay.Token) : Task.Delay(wait, time, delay.Token);
                await Task.WhenAny(answered, timer);
                await delay.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Discord sent a 429 with global=true: nothing goes out until retry_after has passed.</summary>
    public void Block(TimeSpan retryAfter)
    {
        lock (_slots)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _blockedUntil) _blockedUntil = until;
        }
    }

    private void Answered(Slot slot)
    {
        TaskCompletionSource signal;
        lock (_slots)
        {
            slot.AnsweredAt ??= time.GetUtcNow();
            signal = _answered;
            _answered = NewSignal();
        }
        signal.TrySetResult();
    }

    public void Dispose() => _gate.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Slot(GlobalRateLimiter owner) : IDisposable
    {
        public DateTimeOffset? AnsweredAt { get; set; }

        public void Dispose() => owner.Answered(this);
    }
}
