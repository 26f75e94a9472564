using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace NewsBot.Discord.Rest;

/// <summary>
/// Per-route limits learned from the response headers (Discord topics/rate-limits.mdx): X-RateLimit-Bucket
/// names the bucket (routes may share one), and the limit applies per bucket and top-level resource.
/// Requests on one route and resource go one at a time, so the next one sees the Remaining count of the
/// previous answer and waits for Reset-After instead of running into a 429.
/// </summary>
internal sealed class BucketRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _routeLocks = new();
    private readonly ConcurrentDictionary<string, string> _bucketByTemplate = new();
    private readonly ConcurrentDictionary<string, BucketState> _states = new();

    /// <summary>Waits for the route's turn and for its bucket to have room; dispose the lease after the answer.</summary>
    public async Task<IDisposable?> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        if (!route.TrackBucket) return null;
        var routeLock = _routeLocks.GetOrAdd(route.BucketKey, _ => new SemaphoreSlim(1, 1));
        await routeLock.WaitAsync(cancellationToken);
        try
        {
            while (_states.TryGetValue(StateKey(route), out var state) && state.Remaining <= 0)
            {
                var wait = state.ResetAt - time.GetUtcNow();
                if (wait <= TimeSpan.Zero) break;
                await Task.Delay(wait, time, cancellationToken);
            }
            return new Lease(routeLock);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while waiting for the bucket's reset: give the route back to the next caller.
            routeLock.Release();
            throw;
        }
    }

    /// <summary>Records X-RateLimit-Bucket/Remaining/Reset-After from any answer, success or not.</summary>
    public void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        if (!route.TrackBucket) return;
        if (Header(headers, "X-RateLimit-Bucket") is { } bucket) _bucketByTemplate[route.Template] = bucket;
        if (Header(headers, "X-RateLimit-Remaining") is not { } remainingText
            || Header(headers, "X-RateLimit-Reset-After") is not { } resetAfterText
            || !int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || !double.TryParse(resetAfterText, NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
            return;
        _states[StateKey(route)] = new BucketState(remaining, time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter));
    }

    /// <summary>A non-global 429: the bucket is empty until retry_after has passed.</summary>
    public void Exhaust(DiscordRoute route, TimeSpan retryAfter)
    {
        if (route.TrackBucket) _states[StateKey(route)] = new BucketState(0, time.GetUtcNow() + retryAfter);
    }

    private string StateKey(DiscordRoute route) =>
        (_bucketByTemplate.TryGetValue(route.Template, out var bucket) ? bucket : route.Template) + "|" + route.MajorParameter;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record BucketState(int Remaining, DateTimeOffset ResetAt);

    private sealed class Lease(SemaphoreSlim routeLock) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) routeLock.Release();
        }
    }
}
