namespace NewsBot.Core.Summaries;

/// <summary>Limits for model summaries (section NewsBot:Summaries:Model; the host binds endpoint and key).</summary>
public sealed class ModelSummarizerOptions
{
    /// <summary>Model name sent with each request (e.g. "llama3.2" on Ollama); null lets the client choose.</summary>
    public string? ModelId { get; set; }

    /// <summary>A request that takes longer is abandoned and the extractive summary is used. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many model requests in any 60 seconds; beyond it, extractive summaries. Default 20.</summary>
    public int RequestsPerMinute { get; set; } = 20;

    /// <summary>Article text beyond this many characters is not sent, to bound cost. Default 4000.</summary>
    public int MaxInputChars { get; set; } = 4000;
}
