namespace NewsBot.Configuration;

/// <summary>NewsBot:Summaries — how alert summaries are made.</summary>
public sealed class SummariesOptions
{
    public const string Section = "NewsBot:Summaries";

    /// <summary>Longest summary, in characters (cut on a sentence or word boundary).</summary>
    public int MaxLength { get; set; } = 300;

    /// <summary>Fetch the article page (only for matched articles) when the feed's text is empty or too thin.</summary>
    public bool FetchPages { get; set; } = true;

    /// <summary>
    /// Longest a new alert waits for its article's page text and model summary (made once per article,
    /// off the send path). After it the alert goes out with what the feed said: a slow page never
    /// makes a late alert. Default 1 minute; between 1 s and 10 min.
    /// </summary>
    public TimeSpan EnrichWithin { get; set; } = TimeSpan.FromMinutes(1);

    public ModelSummaryOptions Model { get; set; } = new();
}

/// <summary>
/// NewsBot:Summaries:Model — optional summaries from a chat model on an OpenAI-compatible endpoint
/// (OpenAI, or Ollama at http://localhost:11434/v1). Off unless Endpoint and ModelId are set.
/// </summary>
public sealed class ModelSummaryOptions
{
    public string? Endpoint { get; set; }
    public string? ModelId { get; set; }

    /// <summary>Sent as a bearer token; Ollama ignores it.</summary>
    public string? ApiKey { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public int RequestsPerMinute { get; set; } = 20;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(ModelId);
}
