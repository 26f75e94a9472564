using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace NewsBot.Sources.Fetching;

/// <summary>Reads the headers that steer polling out of a response.</summary>
internal static partial class ResponseHeaders
{
    public static string? ETag(HttpResponseMessage response) => First(response.Headers, "ETag");

    // Kept verbatim: RFC 9110 13.1.3 asks clients to echo the server's Last-Modified string in If-Modified-Since.
    public static string? LastModified(HttpResponseMessage response) => First(response.Content.Headers, "Last-Modified");

    public static string? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    public static string? Charset(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.CharSet?.Trim('"', '\'', ' ') is { Length: > 0 } charset ? charset : null;

    /// <summary>Most characters of Link header values kept: enough for a hub and a self link many times over.</summary>
    public const int MaxLinkChars = 8192;

    /// <summary>The Link header values (RFC 8288), up to <see cref="MaxLinkChars"/> characters in all.</summary>
    public static IReadOnlyList<string> Links(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return [];
        var kept = new List<string>();
        var total = 0;
        foreach (var value in values)
        {
            total += value.Length;
            if (total > MaxLinkChars) break;
            kept.Add(value);
        }
        return kept;
    }

    /// <summary>Cache-Control max-age: the server's own word on how long the content stays fresh.</summary>
    public static TimeSpan? MaxAge(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        if (cacheControl is null || cacheControl.NoCache || cacheControl.NoStore) return null;
        return cacheControl.MaxAge is { } age && age > TimeSpan.Zero ? age : null;
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date (RFC 9110 10.2.3), relative to our clock; never negative.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>The larger of max-age and Retry-After, as the floor for the next poll after a success.</summary>
    public static TimeSpan? MinNextPoll(HttpResponseMessage response, TimeProvider time) =>
        (MaxAge(response), RetryAfter(response, time)) switch
        {
            ({ } a, { } b) => a > b ? a : b,
            (var a, var b) => a ?? b,
        };

    /// <summary>"HTTP 503 Service Unavailable". The phrase comes from our own table, not the server, so a hostile reason phrase never reaches a chat.</summary>
    public static string StatusText(HttpStatusCode status)
    {
        var name = Enum.GetName(status);
        return name is null ? $"HTTP {(int)status}" : $"HTTP {(int)status} {WordBoundary().Replace(name, " ")}";
    }

    private static string? First(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault(v => v.Length > 0) : null;

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
