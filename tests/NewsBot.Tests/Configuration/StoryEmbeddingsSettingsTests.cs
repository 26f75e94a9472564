using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Pipeline.Match;
using NewsBot.Startup;

namespace NewsBot.Tests.Configuration;

/// <summary>
/// NewsBot:Stories:Embeddings through the real host's registrations: off (nothing to call) unless Endpoint
/// and ModelId are set, and a bad value names its key.
/// </summary>
/// <remarks>
/// The host is built, never started: it binds no port (Urls is port 0 anyway) and calls no endpoint;
/// the endpoint is a .invalid name (RFC 6761), so even a mistake could not reach a local model server.
/// </remarks>
public sealed class StoryEmbeddingsSettingsTests
{
    private static WebApplication Build(params (string Key, string Value)[] settings) =>
        NewsBotHost.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            var config = new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["NewsBot:Database:Provider"] = "Sqlite",
                ["NewsBot:Database:ConnectionString"] = "Data Source=:memory:",
            };
            foreach (var (key, value) in settings) config[key] = value;
            builder.Configuration.AddInMemoryCollection(config);
        });

    [Theory]
    [InlineData(null, null)]
    [InlineData("http://embeddings.invalid/v1", null)]
    [InlineData(null, "nomic-embed-text")]
    public async Task Without_both_Endpoint_and_ModelId_there_is_no_model_to_call(string? endpoint, string? modelId)
    {
        var settings = new List<(string, string)>();
        if (endpoint is not null) settings.Add(("NewsBot:Stories:Embeddings:Endpoint", endpoint));
        if (modelId is not null) settings.Add(("NewsBot:Stories:Embeddings:ModelId", modelId));
        await using var app = Build([.. settings]);

        Assert.Null(app.Services.GetService<StoryEmbeddings>());
    }

    [Fact]
    public async Task With_Endpoint_and_ModelId_the_model_is_on_with_documented_defaults()
    {
        await using var app = Build(("NewsBot:Stories:Embeddings:Endpoint", "http://embeddings.invalid/v1"), ("NewsBot:Stories:Embeddings:ModelId", "nomic-embed-text"));

        Assert.NotNull(app.Services.GetService<StoryEmbeddings>());
        var o = app.Services.GetRequiredService<IOptions<StoryEmbeddingsOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(5), 600, 1000, 256), (o.Timeout, o.RequestsPerMinute, o.MaxTextChars, o.MaxTextsPerRequest));
    }

    [Theory]
    [InlineData("Endpoint", "models.invalid/v1", "NewsBot:Stories:Embeddings:Endpoint must be an absolute http(s) URL, e.g. http://localhost:11434/v1")]
    [InlineData("Timeout", "00:00:00", "NewsBot:Stories:Embeddings:Timeout must be between 00:00:00.001 and 00:01:00 (got 00:00:00)")]
    [InlineData("Timeout", "00:02:00", "NewsBot:Stories:Embeddings:Timeout must be between 00:00:00.001 and 00:01:00 (got 00:02:00)")]
    [InlineData("RequestsPerMinute", "0", "NewsBot:Stories:Embeddings:RequestsPerMinute must be at least 1 (got 0)")]
    [InlineData("MaxTextChars", "10", "NewsBot:Stories:Embeddings:MaxTextChars must be between 20 and 8000 (got 10)")]
    [InlineData("MaxTextsPerRequest", "0", "NewsBot:Stories:Embeddings:MaxTextsPerRequest must be between 1 and 2048 (got 0)")]
    public async Task A_bad_value_stops_the_start_naming_the_key(string key, string value, string error)
    {
        await using var app = Build(("NewsBot:Stories:Embeddings:" + key, value), ("NewsBot:Stories:Embeddings:ModelId", "nomic-embed-text"));

        var e = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<StoryEmbeddingsOptions>>().Value);
        Assert.Contains(error, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Timeout_over_half_the_poll_budget_stops_the_start_naming_both_keys()
    {
        await using var app = Build(("NewsBot:Stories:Embeddings:Endpoint", "http://embeddings.invalid/v1"), ("NewsBot:Stories:Embeddings:ModelId", "nomic-embed-text"),
            ("NewsBot:Stories:Embeddings:Timeout", "00:00:06"), ("NewsBot:Sources:PollBudget", "00:00:10"));

        var e = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<StoryEmbeddingsOptions>>().Value);
        Assert.Contains("NewsBot:Stories:Embeddings:Timeout must be at most half of NewsBot:Sources:PollBudget (00:00:10), so a slow model never cuts a poll (got 00:00:06)",
            e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Endpoint_without_a_ModelId_stops_the_start_naming_the_key()
    {
        await using var app = Build(("NewsBot:Stories:Embeddings:Endpoint", "http://embeddings.invalid/v1"));

        var e = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<StoryEmbeddingsOptions>>().Value);
        Assert.Contains("NewsBot:Stories:Embeddings:ModelId is required when NewsBot:Stories:Embeddings:Endpoint is set", e.Message, StringComparison.Ordinal);
    }
}
