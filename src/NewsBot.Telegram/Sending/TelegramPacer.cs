namespace NewsBot.Telegram.Sending;

/// <summary>
/// Spaces outgoing messages within Telegram's limits (Bot FAQ: ~30 messages/s per bot, 1 message/s
/// per chat, 20 messages/min per group) and holds every send while Telegram has asked the bot to
/// wait (429 retry_after).
/// <para>
/// Fairness: each send reserves its own time — the earliest moment its chat may receive a message
/// that still has a free global slot. A busy chat's later messages reserve later slots and leave
/// the slots in between to other chats, so one busy chat never delays the rest. Callers wait
/// concurrently; the pacer only says when.
/// </para>
/// </summary>
public sealed class TelegramPacer
{
    private readonly TelegramPacingOptions _options;
    private readonly TimeProvider _time;
    private readonly double _slotTicks;
    private readonly DateTimeOffset _epoch;
    private readonly object _gate = new();
    private readonly HashSet<long> _takenSlots = [];
    private readonly Dictionary<long, ChatPace> _chats = [];
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _lastRelease = DateTimeOffset.MinValue;
    private readonly TimeSpan _slot;
    private long _reservations;

    public TelegramPacer(TelegramPacingOptions options, TimeProvider time)
    {
        if (options.MessagesPerSecond <= 0) throw new ArgumentException("telegram pacing: MessagesPerSecond must be positive");
        if (options.GroupMessagesPerWindow <= 0) throw new ArgumentException("telegram pacing: GroupMessagesPerWindow must be positive");
        _options = options;
        _time = time;
        _slotTicks = TimeSpan.TicksPerSecond / options.MessagesPerSecond;
        _epoch = time.GetUtcNow();
        _slot = TimeSpan.FromTicks((long)Math.Floor(_slotTicks));
    }

    /// <summary>When the bot may send again after a 429; null when not paused.</summary>
    public DateTimeOffset? PausedUntil
    {
        get { lock (_gate) return _pausedUntil > _time.GetUtcNow() ? _pausedUntil : null; }
    }

    /// <summary>Waits until a message to <paramref name="chatId"/> may be sent, then returns; the caller sends at once.</summary>
    public async Task WaitTurnAsync(long chatId, CancellationToken ct)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            DateTimeOffset at;
            lock (_gate) at = Reserve(chatId, now);
            if (at > now) await Task.Delay(at - now, _time, ct).ConfigureAwait(false);
            TimeSpan hold;
            lock (_gate)
            {
                var woke = _time.GetUtcNow();
                // A 429 may have paused the bot while we waited: take a new turn after the pause
                // instead of firing as soon as it ends together with every other waiter.
                if (_pausedUntil > woke) continue;
                // Waiters woken late together (a stalled thread pool, a GC pause) would reach
                // Telegram as one burst; releases stay at least one slot apart whatever happens.
                var release = woke > _lastRelease + _slot ? woke : _lastRelease + _slot;
                _lastRelease = release;
                hold = release - woke;
            }
            if (hold > TimeSpan.Zero) await Task.Delay(hold, _time, ct).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>Reserves the next turn for <paramref name="chatId"/> and says when it is, without waiting.</summary>
    internal DateTimeOffset ReserveTurn(long chatId)
    {
        lock (_gate) return Reserve(chatId, _time.GetUtcNow());
    }

    /// <summary>Telegram answered 429 retry_after: no message from this bot until it has passed.</summary>
    public void PauseAll(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + retryAfter;
            if (until > _pausedUntil) _pausedUntil = until;
        }
    }

    private DateTimeOffset Reserve(long chatId, DateTimeOffset now)
    {
        if (++_reservations % 1024 == 0) Forget(now);
        if (!_chats.TryGetValue(chatId, out var chat)) _chats[chatId] = chat = new ChatPace();

        var ready = Max(now, _pausedUntil, chat.NextAllowed);
        var isGroup = chatId < 0; // Bot API: group, supergroup and channel ids are negative
        if (isGroup && chat.Recent.Count >= _options.GroupMessagesPerWindow)
            ready = Max(ready, chat.Recent.Peek() + _options.GroupWindow + _options.SafetyMargin, ready);

        var slot = FirstSlotAtOrAfter(ready);
        while (!_takenSlots.Add(slot)) slot++;
        var at = SlotStart(slot);

        chat.NextAllowed = at + _options.PerChatInterval + _options.SafetyMargin;
        if (isGroup)
        {
            chat.Recent.Enqueue(at);
            while (chat.Recent.Count > _options.GroupMessagesPerWindow) chat.Recent.Dequeue();
        }
        return at;
    }

    // Global slots are numbered from the pacer's creation; slot k starts at epoch + k/rate,
    // rounded up to a tick, so k+30 is exactly one second after k at 30 messages/s.
    private DateTimeOffset SlotStart(long slot) => _epoch + TimeSpan.FromTicks((long)Math.Ceiling(slot * _slotTicks));

    private long FirstSlotAtOrAfter(DateTimeOffset ready)
    {
        var slot = Math.Max(0, (long)Math.Ceiling((ready - _epoch).Ticks / _slotTicks) - 1);
        while (SlotStart(slot) < ready) slot++;
        return slot;
    }

    /// <summary>Drops past slots and chats with nothing pending, so memory follows the active chats.</summary>
    private void Forget(DateTimeOffset now)
    {
        var nowSlot = FirstSlotAtOrAfter(now) - 1;
        _takenSlots.RemoveWhere(s => s < nowSlot);
        var horizon = now - _options.GroupWindow - _options.SafetyMargin;
        foreach (var (id, chat) in _chats.ToList())
            if (chat.NextAllowed < now && (chat.Recent.Count == 0 || chat.Recent.Last() < horizon))
                _chats.Remove(id);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) =>
        new(Math.Max(a.UtcTicks, Math.Max(b.UtcTicks, c.UtcTicks)), TimeSpan.Zero);

    private sealed class ChatPace
    {
        public DateTimeOffset NextAllowed = DateTimeOffset.MinValue;
        public readonly Queue<DateTimeOffset> Recent = new();
    }
}
