namespace NewsBot.Core.Commands;

/// <summary>
/// Runs command work one chat at a time and many chats side by side: work for the same chat runs in
/// the order it was handed in, work for different chats runs in parallel, at most
/// <see cref="MaxParallel"/> at once across all chats (and platforms, when they share one instance).
/// A chat may have at most <see cref="MaxWaitingPerChat"/> items waiting or running; beyond that
/// <see cref="TryRun"/> refuses, so one chat flooding the bot cannot grow memory without end.
/// Work starts on the thread pool, never on the caller's thread, so a slow or CPU-heavy command
/// never holds up the intake loop that handed it in.
/// </summary>
public sealed class ChatLanes : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;

    public ChatLanes(int maxParallel = 4, int maxWaitingPerChat = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWaitingPerChat, 1);
        MaxParallel = maxParallel;
        MaxWaitingPerChat = maxWaitingPerChat;
        _slots = new SemaphoreSlim(maxParallel, maxParallel);
    }

    public int MaxParallel { get; }

    public void Dispose() => _slots.Dispose();

    public int MaxWaitingPerChat { get; }

    /// <summary>Chats with work waiting or running (for tests and health).</summary>
    public int BusyChats { get { lock (_gate) return _lanes.Count; } }

    /// <summary>
    /// Queues <paramref name="work"/> behind the chat's earlier work. <paramref name="ran"/> ends true
    /// once the work ran to completion, with the work's own exception if it threw (the next item of
    /// the chat runs either way), and false when it never started because <paramref name="dontStart"/>
    /// was cancelled first (a stopping service leaves it for the next run). False from the method
    /// itself means the chat's lane is full and nothing was queued.
    /// </summary>
    public bool TryRun(string chatKey, Func<Task> work, CancellationToken dontStart, out Task<bool> ran)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(chatKey, out var lane)) _lanes[chatKey] = lane = new Lane();
            if (lane.Count >= MaxWaitingPerChat)
            {
                ran = Task.FromResult(false);
                return false;
            }
            lane.Count++;
            ran = RunAfterAsync(chatKey, lane, lane.Tail, work, dontStart);
            // The next item waits for this one to end however it ends (a continuation never faults).
            lane.Tail = ran.ContinueWith(static _ => { }, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return true;
        }
    }

    private async Task<bool> RunAfterAsync(string chatKey, Lane lane, Task previous, Func<Task> work, CancellationToken dontStart)
    {
        try
        {
            await previous.ConfigureAwait(false);
            if (dontStart.IsCancellationRequested) return false;
            try
            {
                await _slots.WaitAsync(dontStart).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (dontStart.IsCancellationRequested)
            {
                return false;
            }
            try
            {
                await Task.Run(work, CancellationToken.None).ConfigureAwait(false);
                return true;
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            Leave(chatKey, lane);
        }
    }

    private void Leave(string chatKey, Lane lane)
    {
        lock (_gate)
        {
            if (--lane.Count == 0 && _lanes.TryGetValue(chatKey, out var current) && current == lane) _lanes.Remove(chatKey);
        }
    }

    private sealed class Lane
    {
        public Task Tail = Task.CompletedTask;
        public int Count;
    }
}
