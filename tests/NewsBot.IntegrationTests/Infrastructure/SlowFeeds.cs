using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>
/// Many feeds on one loopback server, each answering only after <see cref="Delay"/>: a poll lane kept
/// busy with reads that take long and cost no CPU. Counts the requests in flight at any moment.
/// </summary>
public sealed class SlowFeeds : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private int _inFlight;
    private int _answered;

    private SlowFeeds(LoopbackHttpServer server, int count, TimeSpan delay)
    {
        _server = server;
        Count = count;
        Delay = delay;
        var feed = new FeedBuilder().Add("slow-old", "An old slow story", "<p>Nothing new.</p>", DateTimeOffset.UtcNow.AddDays(-1)).Build();
        for (var i = 0; i < count; i++)
        {
            server.Map(Path(i), async ctx =>
            {
                Interlocked.Increment(ref _inFlight);
                try
                {
                    await Task.Delay(delay, ctx.RequestAborted);
                    ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
                    await ctx.Response.WriteAsync(feed, ctx.RequestAborted);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                    Interlocked.Increment(ref _answered);
                }
            });
        }
    }

    public int Count { get; }
    public TimeSpan Delay { get; }

    /// <summary>Requests received and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests answered (or given up by the client) so far.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public static async Task<SlowFeeds> StartAsync(int count, TimeSpan delay) =>
        new(await LoopbackHttpServer.StartAsync(), count, delay);

    /// <summary>Seed entries for every slow feed, from configuration index <paramref name="firstIndex"/> on.</summary>
    public Dictionary<string, string?> Seeds(int firstIndex, string pollInterval)
    {
        var seeds = new Dictionary<string, string?>();
        for (var i = 0; i < Count; i++)
        {
            seeds[$"NewsBot:Sources:Seed:{firstIndex + i}:Name"] = $"Slow {i}";
            seeds[$"NewsBot:Sources:Seed:{firstIndex + i}:Url"] = _server.Url(Path(i)).ToString();
            seeds[$"NewsBot:Sources:Seed:{firstIndex + i}:PollInterval"] = pollInterval;
        }
        return seeds;
    }

    private static string Path(int i) => $"slow/{i}.xml";

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
