namespace NewsBot.Core.Summaries;

/// <summary>A sliding 60-second window allowing at most N uses; thread-safe, on an injected clock.</summary>
public sealed class MinuteBudget(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _uses = new();
    private readonly Lock _gate = new();

    public int PerMinute => perMinute;

    /// <summary>Records a use and returns true, or returns false when the last minute's budget is spent.</summary>
    public bool TryTake()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_uses.Count > 0 && now - _uses.Peek() >= Window) _uses.Dequeue();
            if (_uses.Count >= perMinute) return false;
            _uses.Enqueue(now);
            return true;
        }
    }
}
