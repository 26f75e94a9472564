using NewsBot.Configuration;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// Warns that stories group lexically because the embedding model failed, at most once a minute (a dead
/// endpoint would otherwise log once per poll), naming the endpoint's host and model, never the key.
/// </summary>
internal sealed partial class StoryEmbeddingsFallbackLog(StoryEmbeddingsOptions options, TimeProvider time, ILogger log)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly string _host = Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) ? uri.Authority : "(no endpoint)";
    private DateTimeOffset _lastWarning = DateTimeOffset.MinValue;
    private int _unlogged;

    public void Fallback(string reason, DateTimeOffset? openUntil)
    {
        int before;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _lastWarning < Interval)
            {
                _unlogged++;
                return;
            }
            _lastWarning = now;
            before = _unlogged;
            _unlogged = 0;
        }
        var skipping = openUntil is { } until ? $"; model skipped until {until:HH:mm:ss} UTC" : "";
        LogFallback(_host, options.ModelId ?? "", WithoutKey(reason) + skipping, before);
    }

    /// <summary>An exception's message could echo the request; the key must never reach a log.</summary>
    public string WithoutKey(string text) =>
        string.IsNullOrEmpty(options.ApiKey) ? text : text.Replace(options.ApiKey, "***", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "story embeddings at {EndpointHost} (model '{ModelId}'): {Reason}; grouping lexically ({EarlierFailures} more failures since the last warning)")]
    private partial void LogFallback(string endpointHost, string modelId, string reason, int earlierFailures);
}
