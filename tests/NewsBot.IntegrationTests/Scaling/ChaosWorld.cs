using System.Globalization;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.TestKit;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>
/// What the chaos test runs against: one PostgreSQL database holding <see cref="Sources"/> feeds and
/// <see cref="Chats"/> Telegram chats, a loopback news site serving every feed, and the fake Bot API.
/// Chat i subscribes to the keyword of topic i % <see cref="Topics"/>, so an article about one
/// topic is an alert to Chats / Topics chats.
/// </summary>
public sealed class ChaosWorld : IAsyncDisposable
{
    public const int Sources = 200, Chats = 2000, Topics = 100;
    public const int ChatsPerTopic = Chats / Topics;
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(6);

    private readonly FeedBuilder[] _feeds = Enumerable.Range(0, Sources).Select(_ => new FeedBuilder()).ToArray();
    private readonly List<int> _published = [];

    private ChaosWorld(LoopbackHttpServer site, FakeBotApiServer telegram, string connectionString)
    {
        Site = site;
        Telegram = telegram;
        ConnectionString = connectionString;
    }

    public LoopbackHttpServer Site { get; }
    public FakeBotApiServer Telegram { get; }
    public string ConnectionString { get; }

    /// <summary>Topics published so far; every one of them owes an alert to each of its chats.</summary>
    public IReadOnlyList<int> Published { get { lock (_published) return _published.ToList(); } }

    public static long ChatId(int chat) => 100_000 + chat;
    public static string Keyword(int topic) => "kw" + topic.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Distinct words per topic, so no two articles look like one story.</summary>
    public static string Headline(int topic) => $"{Keyword(topic)} alpha{topic} bravo{topic} charlie{topic} report";

    public static async Task<ChaosWorld> StartAsync()
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var site = await LoopbackHttpServer.StartAsync();
        var telegram = await FakeBotApiServer.StartAsync();
        var world = new ChaosWorld(site, telegram, connectionString);
        for (var i = 0; i < Sources; i++)
        {
            var feed = world._feeds[i];
            site.Map($"feed/{i}.xml", ctx =>
            {
                ctx.Response.ContentType = "application/rss+xml";
                string xml;
                lock (feed) xml = feed.Build();
                return ctx.Response.WriteAsync(xml);
            });
        }
        for (var topic = 0; topic < Topics; topic++)
        {
            var body = $"<html><body><article><p>{Headline(topic)}: the full story of topic {topic}, told at length for the summary.</p></article></body></html>";
            site.MapContent($"article/{topic}.html", body, "text/html; charset=utf-8");
        }
        await world.SeedDatabaseAsync();
        return world;
    }

    private async Task SeedDatabaseAsync()
    {
        var factory = new NewsBotDbContextFactory(DatabaseProvider.Postgres, ConnectionString, Directory.GetCurrentDirectory());
        await factory.MigrateAsync(CancellationToken.None);
        await using var db = factory.CreateDbContext();
        var now = DateTime.UtcNow;
        for (var i = 0; i < Sources; i++)
            db.Sources.Add(new Source { Name = $"Chaos feed {i}", Url = Site.Url($"feed/{i}.xml").ToString(), PollInterval = PollInterval, NextPollAt = now, CreatedAt = now });
        for (var i = 0; i < Chats; i++)
        {
            var chat = new Chat { Platform = "telegram", ExternalId = ChatId(i).ToString(CultureInfo.InvariantCulture), Title = $"Reader {i}", CreatedAt = now };
            chat.Filters.Add(new ChatFilter { Text = Keyword(i % Topics), CreatedAt = now });
            db.Chats.Add(chat);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Publishes one article per topic, each on its own feed.</summary>
    public void Publish(IEnumerable<int> topics)
    {
        foreach (var topic in topics)
        {
            var feed = _feeds[topic * 7 % Sources];
            lock (feed) feed.Add($"chaos-{topic}", Headline(topic), $"<p>Topic {topic} in brief.</p>", DateTimeOffset.UtcNow, Site.Url($"article/{topic}.html").ToString());
            lock (_published) _published.Add(topic);
        }
    }

    /// <summary>(chat, topic) pairs that must each get exactly one message.</summary>
    public HashSet<(long Chat, int Topic)> ExpectedAlerts() =>
        Published.SelectMany(topic => Enumerable.Range(0, Chats).Where(i => i % Topics == topic).Select(i => (ChatId(i), topic))).ToHashSet();

    /// <summary>Alert messages the fake accepted, by (chat, topic); other messages (replies) are left out.</summary>
    public Dictionary<(long Chat, int Topic), int> DeliveredAlerts()
    {
        var delivered = new Dictionary<(long, int), int>();
        foreach (var message in Telegram.SentMessages)
        {
            var at = message.Text.IndexOf("kw", StringComparison.Ordinal);
            if (at < 0 || at + 5 > message.Text.Length || !int.TryParse(message.Text.AsSpan(at + 2, 3), CultureInfo.InvariantCulture, out var topic)) continue;
            var key = (message.ChatId, topic);
            delivered[key] = delivered.GetValueOrDefault(key) + 1;
        }
        return delivered;
    }

    public async ValueTask DisposeAsync()
    {
        await Telegram.DisposeAsync();
        await Site.DisposeAsync();
    }
}
