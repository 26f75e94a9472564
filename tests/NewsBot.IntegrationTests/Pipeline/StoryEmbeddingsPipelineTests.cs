using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.IntegrationTests.Observability;
using NewsBot.TestKit.Embeddings;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// The whole host with the optional story embedding model (NewsBot:Stories:Embeddings) on a fake
/// OpenAI-compatible server: alerting articles are embedded and stored; a model that refuses the key
/// costs the alert nothing, and the key never reaches a log line at any level.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StoryEmbeddingsPipelineTests : IAsyncLifetime, IDisposable
{
    private const string Key = "sk-proj-embeddingsSecretKey_0123456789";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-embed-{Guid.NewGuid():N}.db");
    private readonly CapturingLoggerProvider _logs = new();
    private NewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task An_alerting_article_is_embedded_once_and_stored_and_the_backlog_is_not()
    {
        await using var model = await FakeEmbeddingsServer.StartAsync(Key);
        await using var host = await StartAsync(model);
        await host.WaitForFirstFetchAsync(Wait);

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔"), Wait, "the alert is sent");

        var request = Assert.Single(model.Requests);
        Assert.StartsWith("Exclusive", Assert.Single(request.Input!), StringComparison.Ordinal);
        await using var db = host.Db();
        var embedded = await db.Articles.Where(a => a.StoryEmbedding != null).Select(a => a.Title).ToListAsync();
        Assert.StartsWith("Exclusive", Assert.Single(embedded), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_refuses_the_key_costs_the_alert_nothing_and_the_key_stays_out_of_the_logs()
    {
        await using var model = await FakeEmbeddingsServer.StartAsync("sk-the-key-the-server-wants");
        await using (var host = await StartAsync(model))
        {
            await host.WaitForFirstFetchAsync(Wait);
            _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
            await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔"), Wait, "the alert is sent without the model");
            await Eventually.TrueAsync(() => _logs.AllText.Contains("HTTP 401; grouping lexically", StringComparison.Ordinal),
                Wait, "the refusal is logged");
        }

        Assert.Equal(1, model.RequestCount);
        Assert.True(_logs.Entries.Count > 50, "Trace logging captured the host's activity");
        Assert.DoesNotContain("embeddingsSecretKey", _logs.AllText, StringComparison.Ordinal);
    }

    private Task<TestHost> StartAsync(FakeEmbeddingsServer model) =>
        TestHost.StartAsync(_dbPath, _site.ConsoleCeasefireSettings(
            ("Logging:LogLevel:Default", "Trace"),
            ("NewsBot:Stories:Embeddings:Endpoint", model.Endpoint),
            ("NewsBot:Stories:Embeddings:ModelId", "nomic-embed-text"),
            ("NewsBot:Stories:Embeddings:ApiKey", Key)),
            services => services.AddSingleton<ILoggerProvider>(_logs));
}
