namespace NewsBot.TestKit.Discord;

/// <summary>What the fake gateway saw, in order.</summary>
public abstract record GatewayEntry(DateTimeOffset At);
public sealed record GatewayConnected(DateTimeOffset At, int Connection, string Path, string Query) : GatewayEntry(At);
public sealed record GatewayIdentified(DateTimeOffset At, int Connection, string Token, long Intents, string SessionId) : GatewayEntry(At);
public sealed record GatewayResumeRequested(DateTimeOffset At, int Connection, string SessionId, long? Sequence, bool Accepted) : GatewayEntry(At);
public sealed record GatewayHeartbeat(DateTimeOffset At, int Connection, long? Sequence) : GatewayEntry(At);
public sealed record GatewayClientClosed(DateTimeOffset At, int Connection, int? Code) : GatewayEntry(At);
public sealed record GatewayDispatched(DateTimeOffset At, int Connection, string Type, long Sequence, bool Replay) : GatewayEntry(At);

/// <summary>A record of gateway entries that tests can wait on without sleeping.</summary>
public sealed class GatewayLog
{
    private readonly List<GatewayEntry> _entries = [];
    private readonly List<(Func<GatewayEntry, bool> Match, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<GatewayEntry> Entries
    {
        get { lock (_entries) return _entries.ToList(); }
    }

    public IReadOnlyList<T> All<T>() where T : GatewayEntry => Entries.OfType<T>().ToList();

    internal void Add(GatewayEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.ToList())
                if (waiter.Match(entry))
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }
        }
    }

    /// <summary>Waits until the <paramref name="occurrence"/>-th entry of type T matching the predicate has been seen.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, int occurrence = 1, TimeSpan? timeout = null) where T : GatewayEntry
    {
        bool Matches(GatewayEntry e) => e is T t && (match?.Invoke(t) ?? true);
        TaskCompletionSource done;
        lock (_entries)
        {
            var found = _entries.Where(Matches).Skip(occurrence - 1).FirstOrDefault();
            if (found is not null) return (T)found;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var seen = _entries.Count(Matches);
            _waiters.Add((e => Matches(e) && ++seen >= occurrence, done));
        }
        try
        {
            await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"fake Discord gateway: no {typeof(T).Name} #{occurrence}; saw:\n  " + string.Join("\n  ", Entries));
        }
        lock (_entries) return (T)_entries.Where(Matches).Skip(occurrence - 1).First();
    }
}
