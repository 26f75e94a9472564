using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace NewsBot.TestKit.Discord;

/// <summary>
/// Discord's rate limits as documented in topics/rate-limits.mdx: a per-bucket limit keyed by bucket and
/// top-level resource, announced in X-RateLimit-* headers on every answer, and a global 50/s per bot.
/// Over a limit the answer is 429 with the headers and a body {message, retry_after (float s), global}.
/// </summary>
internal sealed class FakeRateLimiter(FakeDiscordOptions options)
{
    private readonly object _lock = new();
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _buckets = new();
    private (TimeSpan RetryAfter, bool Global)? _forced;

    public int TooManyRequests { get; private set; }

    /// <summary>The next rate-limited request is answered 429 with this retry_after.</summary>
    public void ForceNext(TimeSpan retryAfter, bool global)
    {
        lock (_lock) _forced = (retryAfter, global);
    }

    /// <summary>Applies the limits; returns false after writing a 429.</summary>
    public async Task<bool> AdmitAsync(HttpContext ctx, FakeBucket bucket, bool countsGlobally)
    {
        var now = options.Time.GetUtcNow();
        TimeSpan? globalWait = null, bucketWait = null;
        int remaining;
        TimeSpan resetAfter;
        lock (_lock)
        {
            if (_forced is { } forced)
            {
                _forced = null;
                if (forced.Global) globalWait = forced.RetryAfter; else bucketWait = forced.RetryAfter;
            }
            if (countsGlobally && globalWait is null)
            {
                while (_global.Count > 0 && now - _global.Peek() >= TimeSpan.FromSeconds(1)) _global.Dequeue();
                if (_global.Count >= options.GlobalLimitPerSecond) globalWait = _global.Peek() + TimeSpan.FromSeconds(1) - now;
            }
            var state = _buckets.TryGetValue(bucket.Key, out var s) && now - s.Start < bucket.Window ? s : (Start: now, Count: 0);
            resetAfter = state.Start + bucket.Window - now;
            if (globalWait is null && bucketWait is null && state.Count >= bucket.Limit) bucketWait = resetAfter;
            if (globalWait is null && bucketWait is null)
            {
                state.Count++;
                if (countsGlobally) _global.Enqueue(now);
            }
            _buckets[bucket.Key] = state;
            remaining = Math.Max(0, bucket.Limit - state.Count);
            if (globalWait is not null || bucketWait is not null) TooManyRequests++;
        }
        var headers = ctx.Response.Headers;
        headers["X-RateLimit-Limit"] = bucket.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = ((now + resetAfter).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = bucket.Hash;
        if (globalWait is null && bucketWait is null) return true;

        var global = globalWait is not null;
        var retryAfter = (globalWait ?? bucketWait)!.Value;
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        headers["Retry-After"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = global ? "global" : "user";
        if (global) headers["X-RateLimit-Global"] = "true";
        await ctx.Response.WriteAsJsonAsync(new { message = "You are being rate limited.", retry_after = Math.Round(retryAfter.TotalSeconds, 3), global });
        return false;
    }
}

/// <summary>A rate-limit bucket: Discord's opaque hash plus the top-level resource it applies to.</summary>
internal sealed record FakeBucket(string Hash, string Resource, int Limit, TimeSpan Window)
{
    public string Key => Hash + ":" + Resource;
}
