using System.Collections.Concurrent;
using System.Text.Json;

namespace NewsBot.TestKit.Discord;

/// <summary>An interaction pushed to the bot and what the bot answered.</summary>
public sealed class FakeInteractionRecord(string id, string token, DateTimeOffset createdAt)
{
    private readonly TaskCompletionSource<JsonElement> _callback = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<JsonElement> _edit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _rejection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;
    public string Token { get; } = token;
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The first (accepted) callback body, e.g. {"type":4,"data":{…}} or {"type":5,…}.</summary>
    public Task<JsonElement> Callback => _callback.Task;

    /// <summary>The first PATCH of @original after a deferral.</summary>
    public Task<JsonElement> OriginalEdit => _edit.Task;

    /// <summary>The JSON error code of the first refused callback (10062 too late, 40060 answered twice).</summary>
    public Task<int> Rejection => _rejection.Task;

    public TimeSpan? AnsweredAfter { get; internal set; }
    public int RejectedCallbacks { get; private set; }

    internal void Reject(int code)
    {
        RejectedCallbacks++;
        _rejection.TrySetResult(code);
    }

    internal bool Acknowledged => _callback.Task.IsCompleted;
    internal void Acknowledge(JsonElement body) => _callback.TrySetResult(body);
    internal void Edited(JsonElement body) => _edit.TrySetResult(body);
}

/// <summary>
/// Discord interactions/receiving-and-responding.mdx: the callback must come within 3 s (else 10062 Unknown
/// interaction), only once (else 40060), and @original can be edited with the token afterwards.
/// </summary>
internal sealed class FakeInteractionLedger(FakeDiscordOptions options)
{
    private readonly ConcurrentDictionary<string, FakeInteractionRecord> _byId = new();
    private int _next;

    public FakeInteractionRecord Create()
    {
        var n = Interlocked.Increment(ref _next);
        var record = new FakeInteractionRecord($"16000000000000{n:00000}", $"aW50ZXJhY3Rpb246{n}:tokenSecret{Guid.NewGuid():N}", options.Time.GetUtcNow());
        _byId[record.Id] = record;
        return record;
    }

    public FakeInteractionRecord? ByToken(string token) => _byId.Values.FirstOrDefault(r => r.Token == token);

    /// <summary>Returns null when accepted, otherwise (status, code, message).</summary>
    public (int Status, int Code, string Message)? Callback(string id, string token, JsonElement body)
    {
        if (!_byId.TryGetValue(id, out var record) || record.Token != token) return (404, 10062, "Unknown interaction");
        lock (record)
        {
            var age = options.Time.GetUtcNow() - record.CreatedAt;
            if (record.Acknowledged)
            {
                record.Reject(40060);
                return (400, 40060, "Interaction has already been acknowledged.");
            }
            if (age > options.InteractionDeadline)
            {
                record.Reject(10062);
                return (404, 10062, "Unknown interaction");
            }
            record.AnsweredAfter = age;
            record.Acknowledge(body.Clone());
        }
        return null;
    }
}
