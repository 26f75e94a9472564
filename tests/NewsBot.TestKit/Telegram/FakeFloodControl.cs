namespace NewsBot.TestKit.Telegram;

/// <summary>
/// The fake's flood limits, modelled on the Bot FAQ: about 1 message per second in one chat (short
/// bursts allowed), at most 20 per minute in one group, about 30 per second per bot.
/// </summary>
public sealed record FakeFloodLimits
{
    public int ChatBurst { get; init; } = 3;
    public double ChatPerSecond { get; init; } = 1;
    public int GroupPerWindow { get; init; } = 20;
    public TimeSpan GroupWindow { get; init; } = TimeSpan.FromMinutes(1);
    public int GlobalBurst { get; init; } = 30;
    public double GlobalPerSecond { get; init; } = 30;
}

/// <summary>Token buckets per chat and per bot, plus a sliding window per group. Thread-safe.</summary>
internal sealed class FakeFloodControl(FakeFloodLimits limits, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<long, Bucket> _chats = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groups = [];
    private readonly Bucket _global = new(limits.GlobalBurst);

    /// <summary>Takes one message for <paramref name="chatId"/>; or says how long to wait (Telegram's retry_after).</summary>
    public TimeSpan? TryTake(long chatId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_chats.TryGetValue(chatId, out var chat)) _chats[chatId] = chat = new Bucket(limits.ChatBurst);
            var wait = Max(chat.WaitFor(now, limits.ChatBurst, limits.ChatPerSecond), _global.WaitFor(now, limits.GlobalBurst, limits.GlobalPerSecond));
            Queue<DateTimeOffset>? window = null;
            if (chatId < 0)
            {
                if (!_groups.TryGetValue(chatId, out window)) _groups[chatId] = window = new Queue<DateTimeOffset>();
                while (window.Count > 0 && window.Peek() <= now - limits.GroupWindow) window.Dequeue();
                if (window.Count >= limits.GroupPerWindow) wait = Max(wait, window.Peek() + limits.GroupWindow - now);
            }
            if (wait > TimeSpan.Zero) return wait;
            chat.Take();
            _global.Take();
            window?.Enqueue(now);
            return null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Bucket(int capacity)
    {
        private double _tokens = capacity;
        private DateTimeOffset _updated = DateTimeOffset.MinValue;

        public TimeSpan WaitFor(DateTimeOffset now, int capacity, double perSecond)
        {
            if (_updated != DateTimeOffset.MinValue)
                _tokens = Math.Min(capacity, _tokens + (now - _updated).TotalSeconds * perSecond);
            _updated = now;
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        }

        public void Take() => _tokens -= 1;
    }
}
