namespace NewsBot.Pipeline.Match;

/// <summary>
/// Keeps a failing embedding endpoint from costing every poll its timeout: after
/// <see cref="FailuresToOpen"/> failures in a row the model is skipped for <see cref="OpenFor"/>
/// (or for as long as a 429's Retry-After asks, up to <see cref="MaxOpenFor"/>); the first request
/// after that tries again, and one more failure skips it again. Thread-safe: polls run in parallel.
/// </summary>
public sealed class StoryEmbeddingsCircuit(TimeProvider time)
{
    /// <summary>Failures in a row that stop requests.</summary>
    public const int FailuresToOpen = 3;

    /// <summary>How long requests stop after <see cref="FailuresToOpen"/> failures.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromMinutes(1);

    /// <summary>The longest a Retry-After is honoured; a larger one is an endpoint's mistake, not a plan.</summary>
    public static readonly TimeSpan MaxOpenFor = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;

    /// <summary>False while requests are stopped.</summary>
    public bool AllowsRequest()
    {
        lock (_gate) return time.GetUtcNow() >= _openUntil;
    }

    /// <summary>Until when requests are stopped, or null when they are not.</summary>
    public DateTimeOffset? OpenUntil
    {
        get { lock (_gate) return time.GetUtcNow() < _openUntil ? _openUntil : null; }
    }

    /// <summary>A reply came: the count of failures starts over.</summary>
    public void Succeeded()
    {
        lock (_gate) _failures = 0;
    }

    /// <summary>Counts a failure; <paramref name="retryAfter"/> (from a 429) stops requests at once for that long.</summary>
    public void Failed(TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            _failures++;
            var now = time.GetUtcNow();
            if (retryAfter is { } wait && wait > TimeSpan.Zero)
                _openUntil = Later(_openUntil, now + (wait < MaxOpenFor ? wait : MaxOpenFor));
            if (_failures >= FailuresToOpen) _openUntil = Later(_openUntil, now + OpenFor);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
