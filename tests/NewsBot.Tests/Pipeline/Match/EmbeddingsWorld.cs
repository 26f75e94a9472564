using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Configuration;
using NewsBot.Pipeline.Ingest;
using NewsBot.Pipeline.Match;
using NewsBot.Sources.Parsing;
using NewsBot.Startup;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Embeddings;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Match;

/// <summary>
/// Ingest and match as a poll runs them (real SQLite, fake clock), with the story embedding model on the
/// fake OpenAI-compatible server, through the same client the host builds — or without a model.
/// </summary>
internal sealed class EmbeddingsWorld : IAsyncDisposable
{
    public const string Key = "sk-test-embeddings-0123456789abcdef";
    private readonly ArticleIngester _ingester = new();
    private FilterIndexHolder _filters = null!;

    private EmbeddingsWorld(TestDatabase database, FakeEmbeddingsServer server) => (Database, Server) = (database, server);

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    public TestDatabase Database { get; }
    public FakeEmbeddingsServer Server { get; }
    public StoryIndexHolder Stories { get; private set; } = null!;
    public StoryEmbeddings? Embeddings { get; private set; }
    public ArticleMatcher Matcher { get; private set; } = null!;
    public CapturedLog Log { get; } = new();
    public StoryEmbeddingsOptions Options { get; private set; } = null!;
    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>A world whose chat "reader" follows <paramref name="filters"/>; <paramref name="withModel"/> turns the model on.</summary>
    public static async Task<EmbeddingsWorld> CreateAsync(bool withModel = true, string? serverKey = Key, string[]? filters = null,
        Action<StoryEmbeddingsOptions>? configure = null)
    {
        var world = new EmbeddingsWorld(await TestDatabase.CreateAsync(), await FakeEmbeddingsServer.StartAsync(serverKey));
        await using var db = world.Database.Open();
        db.Chats.Add(new Chat
        {
            Platform = "console", ExternalId = "reader", CreatedAt = world.Now,
            Filters = (filters ?? ["ceasefire", "talks"]).Select(f => new ChatFilter { Text = f, CreatedAt = world.Now }).ToList(),
        });
        await db.SaveChangesAsync();
        world._filters = new FilterIndexHolder(Microsoft.Extensions.Options.Options.Create(new FilterIndexOptions()), NullLogger<FilterIndexHolder>.Instance);
        await world._filters.LoadAsync(db, CancellationToken.None);
        world.Options = new StoryEmbeddingsOptions { Endpoint = world.Server.Endpoint, ModelId = "nomic-embed-text", ApiKey = Key };
        configure?.Invoke(world.Options);
        if (withModel)
            world.Embeddings = new StoryEmbeddings(StoryEmbeddingsStartup.CreateGenerator(world.Options), Microsoft.Extensions.Options.Options.Create(world.Options),
                world.Time, world.Log.For<StoryEmbeddings>());
        await world.RestartIndexAsync();
        return world;
    }

    /// <summary>What a restart does: the story index is rebuilt from the database.</summary>
    public async Task RestartIndexAsync()
    {
        await using var db = Database.Open();
        Stories = new StoryIndexHolder(Time, Microsoft.Extensions.Options.Options.Create(new StoryIndexOptions()), NullLogger<StoryIndexHolder>.Instance);
        await Stories.LoadAsync(db, CancellationToken.None);
        Matcher = MatchStage.Create(Database, _filters, Stories, Time, Embeddings);
    }

    public async Task<long> AddSourceAsync(string name, bool firstFetchDone = true)
    {
        await using var db = Database.Open();
        var source = new Source { Name = name, Url = $"https://{name.Replace(' ', '-').ToLowerInvariant()}.example/feed", FirstFetchDone = firstFetchDone };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }

    /// <summary>As PollRecorder does: ingest, match, save and flag in one transaction, then publish the stories.</summary>
    public Task<MatchOutcome> PollAsync(long sourceId, params FeedItem[] items) => Matcher.PollAsync(Database, sourceId, items, Now);

    public FeedItem Item(string id, string title, string? lead = null) =>
        new(id, title, $"https://news.example/{id}", $"<p>{lead ?? title + "."}</p>", null, Time.GetUtcNow(), null);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Every log line written, with its structured fields, so a test can look for a warning or a secret.</summary>
internal sealed class CapturedLog
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public IReadOnlyCollection<(LogLevel Level, string Text)> Entries => _entries;

    public IEnumerable<string> Warnings => _entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Text);

    public ILogger<T> For<T>() => new Logger<T>(this);

    private sealed class Logger<T>(CapturedLog log) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            log._entries.Enqueue((logLevel, $"{formatter(state, exception)} | {fields} | {exception}"));
        }
    }
}
