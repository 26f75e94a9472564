using System.Text.Json.Nodes;

namespace NewsBot.TestKit.Telegram;

/// <summary>
/// Updates waiting for the bot, served by getUpdates the way the Bot API does: a long poll is held
/// until an update arrives or the timeout (capped at 50 s) passes; an offset above an update_id
/// confirms it; a second getUpdates ends the first with 409; with a webhook set, getUpdates is 409.
/// </summary>
internal sealed class FakeUpdateQueue(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _pending = [];
    private TaskCompletionSource _arrived = NewSignal();
    private CancellationTokenSource? _currentPoll;
    private int _nextId = 1000;

    public bool WebhookActive { get; set; }

    public int Push(JsonObject update)
    {
        lock (_gate)
        {
            var id = _nextId++;
            update["update_id"] = id;
            _pending.Add(update);
            _arrived.TrySetResult();
            _arrived = NewSignal();
            return id;
        }
    }

    public int PendingCount { get { lock (_gate) return _pending.Count; } }

    /// <summary>Returns the updates to send, or a (code, description) error.</summary>
    public async Task<(JsonArray? Updates, int Code, string? Error)> PollAsync(long? offset, int limit, int timeoutSeconds, CancellationToken aborted)
    {
        if (WebhookActive)
            return (null, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        var mine = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        lock (_gate)
        {
            // The older long poll is the one ended (Bot API server: abort_long_poll).
            _currentPoll?.Cancel();
            _currentPoll = mine;
            if (offset is { } confirmed) _pending.RemoveAll(u => (int)u["update_id"]! < confirmed);
        }
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Clamp(timeoutSeconds, 0, 50));
        try
        {
            while (true)
            {
                Task arrived;
                lock (_gate)
                {
                    if (_pending.Count > 0)
                        return (new JsonArray(_pending.Take(Math.Clamp(limit, 1, 100)).Select(u => (JsonNode)u.DeepClone()).ToArray()), 200, null);
                    arrived = _arrived.Task;
                }
                var left = deadline - time.GetUtcNow();
                if (left <= TimeSpan.Zero) return (new JsonArray(), 200, null);
                await Task.WhenAny(arrived, Task.Delay(left, time, mine.Token)).ConfigureAwait(false);
                if (mine.IsCancellationRequested)
                    return aborted.IsCancellationRequested
                        ? (null, 499, "client went away")
                        : (null, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_currentPoll == mine) _currentPoll = null;
                mine.Dispose();
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
