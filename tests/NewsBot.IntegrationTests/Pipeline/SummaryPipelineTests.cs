using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>Where an alert's summary comes from when the feed says too little, and when a model is configured.</summary>
[Collection(HostCollection.Name)]
public sealed class SummaryPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-sum-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;

    private const string ArticlePage = """
        <!doctype html><html><head><title>Truce talks advance in Cairo</title></head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <article><h1>Truce talks advance in Cairo</h1>
        <p>Negotiators meeting in Cairo said on Tuesday that a truce agreement was within reach after two days of talks mediated by Egypt and Qatar.</p>
        <p>The draft provides for a six-week pause in fighting and the release of detainees in stages, according to two officials familiar with the text.</p>
        <p>Both delegations are expected to return to their capitals for consultations before a final round next week, the officials said, speaking on condition of anonymity because they were not authorised to brief the press.</p>
        <p>Egypt's foreign ministry described the atmosphere as constructive and said technical teams would continue working on the details of the exchange, including the number of detainees to be released in each stage and the sequence of the withdrawals.</p>
        <p>Aid agencies welcomed the progress but warned that any pause in fighting must allow fuel, food and medicine to reach civilians in the north, where hospitals have reported severe shortages for weeks.</p>
        <p>Previous rounds of talks in Doha and Paris ended without agreement after disputes over the length of the pause and guarantees that fighting would not resume.</p>
        </article><footer>Subscribe to our newsletter. © 2026 Loopback News</footer></body></html>
        """;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Server.MapContent("world/truce-talks", ArticlePage, "text/html; charset=utf-8");
        _site.Feed.Add("old", "Yesterday", "<p>Old.</p>", DateTimeOffset.UtcNow.AddDays(-1));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private Dictionary<string, string?> Settings() => new(_site.SeedSource())
    {
        ["NewsBot:Console:Filters:0"] = "truce",
        ["NewsBot:Summaries:Model:ModelId"] = "test-model",
    };

    private async Task<TestHost> StartAndWaitForBacklogAsync(Action<IServiceCollection>? services = null)
    {
        var host = await TestHost.StartAsync(_dbPath, Settings(), services);
        await host.WaitForFirstFetchAsync(Wait);
        return host;
    }

    [Fact]
    public async Task An_item_without_description_is_summarized_from_its_page_fetched_once()
    {
        await using var host = await StartAndWaitForBacklogAsync();
        _site.Feed.Add("t1", "Truce talks advance in Cairo", "", DateTimeOffset.UtcNow, _site.Url("world/truce-talks").ToString());
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Truce talks advance"), Wait, "the alert is sent");

        await using var db = host.Db();
        var article = await db.Articles.SingleAsync(a => a.Title == "Truce talks advance in Cairo");
        Assert.Contains("six-week pause", article.PageText);
        Assert.Contains("Negotiators meeting in Cairo said on Tuesday", host.Output.Text);
        Assert.DoesNotContain("Subscribe", host.Output.Text);
        Assert.Equal(1, _site.Server.Requests.Count(r => r.Path == "/world/truce-talks"));
    }

    [Fact]
    public async Task A_page_that_cannot_be_read_still_gives_the_alert_with_its_headline()
    {
        await using var host = await StartAndWaitForBacklogAsync();
        _site.Feed.Add("t2", "Truce talks stall", "", DateTimeOffset.UtcNow, _site.Url("world/gone").ToString());
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Truce talks stall"), Wait, "the alert is sent anyway");
        await using var db = host.Db();
        var article = await db.Articles.SingleAsync(a => a.Title == "Truce talks stall");
        Assert.NotNull(article.PageCheckedAt);
        Assert.Null(article.PageText);
    }

    [Fact]
    public async Task A_configured_model_writes_the_summary()
    {
        var model = new FakeChatClient(_ => Task.FromResult("Mediators say a six-week truce deal is close after Cairo talks."));
        await using var host = await StartAndWaitForBacklogAsync(s => s.AddSingleton<IChatClient>(model));
        _site.Feed.Add("t3", "Truce talks advance in Cairo", ArticlePage, DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Truce talks advance"), Wait, "the alert is sent");
        Assert.Contains("Mediators say a six-week truce deal is close after Cairo talks.", host.Output.Text);
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public async Task A_failing_model_falls_back_to_the_extractive_summary()
    {
        var model = new FakeChatClient(_ => throw new HttpRequestException("connection refused"));
        await using var host = await StartAndWaitForBacklogAsync(s => s.AddSingleton<IChatClient>(model));
        _site.Feed.Add("t4", "Truce talks advance in Cairo", ArticlePage, DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => host.Output.Text.Contains("🔔 Truce talks advance"), Wait, "the alert is sent");
        Assert.Contains("Negotiators meeting in Cairo", host.Output.Text);
        Assert.Equal(1, model.Calls);
    }

    /// <summary>A chat model that answers from a function, as a test double for an OpenAI-compatible endpoint.</summary>
    private sealed class FakeChatClient(Func<IEnumerable<ChatMessage>, Task<string>> answer) : IChatClient
    {
        private int _calls;
        public int Calls => _calls;

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, await answer(messages)));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, await answer(messages));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }
}
