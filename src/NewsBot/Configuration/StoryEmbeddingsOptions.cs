using Microsoft.Extensions.Options;

namespace NewsBot.Configuration;

/// <summary>
/// NewsBot:Stories:Embeddings — optional embedding model on an OpenAI-compatible endpoint (OpenAI, or
/// Ollama at http://localhost:11434/v1) so reports of one event join on meaning, across wording and
/// languages. Off unless Endpoint and ModelId are set; the lexical grouping is the default and the
/// fallback whenever the model fails.
/// </summary>
public sealed class StoryEmbeddingsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "NewsBot:Stories:Embeddings";

    /// <summary>Base address of the OpenAI-compatible API (the client adds /embeddings), e.g. http://localhost:11434/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Embedding model name, e.g. "nomic-embed-text" or "bge-m3" on Ollama, "text-embedding-3-small" on OpenAI.</summary>
    public string? ModelId { get; set; }

    /// <summary>Sent as a bearer token; Ollama ignores it. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A poll waits at most this long for its embeddings, then groups lexically. Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many requests (one per poll with alerting articles) in any 60 seconds; beyond it, lexical. Default 600.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Headline + lead beyond this many characters is not sent (a lead is enough to place an event). Default 1000.</summary>
    public int MaxTextChars { get; set; } = 1000;

    /// <summary>At most this many texts in one request; a poll's further articles group lexically. Default 256.</summary>
    public int MaxTextsPerRequest { get; set; } = 256;

    /// <summary>True when Endpoint and ModelId are both set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(ModelId);

    /// <summary>Longest vector accepted; a reply with more dimensions is rejected (the largest common models have 3072).</summary>
    public const int MaxDimensions = 4096;
}

/// <summary>Each failure names its key; the timeout is checked against the poll's budget, which the wait spends.</summary>
internal sealed class StoryEmbeddingsOptionsValidator(IOptions<SourcesOptions> sources) : IValidateOptions<StoryEmbeddingsOptions>
{
    public ValidateOptionsResult Validate(string? name, StoryEmbeddingsOptions o)
    {
        var errors = new List<string>();
        const string s = StoryEmbeddingsOptions.Section;
        // The wait is part of storing a poll's items: a model slower than the budget would cut the poll
        // itself, and the model must never cost a poll more than its embeddings.
        var budget = sources.Value.PollBudget;
        if (o.Enabled && o.Timeout > budget / 2)
            errors.Add($"{s}:Timeout must be at most half of {SourcesOptions.Section}:PollBudget ({budget}), so a slow model never cuts a poll (got {o.Timeout})");
        if (!string.IsNullOrWhiteSpace(o.Endpoint)
            && !(Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"{s}:Endpoint must be an absolute http(s) URL, e.g. http://localhost:11434/v1");
        if (!string.IsNullOrWhiteSpace(o.Endpoint) && string.IsNullOrWhiteSpace(o.ModelId))
            errors.Add($"{s}:ModelId is required when {s}:Endpoint is set");
        if (o.Timeout <= TimeSpan.Zero || o.Timeout > TimeSpan.FromMinutes(1))
            errors.Add($"{s}:Timeout must be between 00:00:00.001 and 00:01:00 (got {o.Timeout})");
        if (o.RequestsPerMinute < 1) errors.Add($"{s}:RequestsPerMinute must be at least 1 (got {o.RequestsPerMinute})");
        if (o.MaxTextChars is < 20 or > 8000) errors.Add($"{s}:MaxTextChars must be between 20 and 8000 (got {o.MaxTextChars})");
        if (o.MaxTextsPerRequest is < 1 or > 2048)
            errors.Add($"{s}:MaxTextsPerRequest must be between 1 and 2048 (got {o.MaxTextsPerRequest})");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
