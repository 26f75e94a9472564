using System.Diagnostics;
using System.Globalization;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Push;

/// <summary>
/// The latency figure of push: an item published at the hub → its alert printed by the console chat,
/// end to end through the real host, for 20 items one after another. Prints p50/p90 next to what
/// polling every 5 minutes gives (computed: an item appears at a uniformly random moment of the
/// interval, so it waits half an interval on average, 150 s, and 270 s at p90, plus the same ingest
/// and delivery time). Run: dotnet test tests/NewsBot.IntegrationTests --filter "FullyQualifiedName~WebSubLatencyTests" --logger "console;verbosity=detailed"
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WebSubLatencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Items = 20;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Unrelated words, so every item is a story of its own and prints a new alert.
    private static readonly string[] Places =
    [
        "Lisbon harbour", "Andean villages", "Baltic shipyards", "Saharan oases", "Mekong delta", "Arctic stations", "Caspian oilfields",
        "Patagonian ranches", "Alpine passes", "Bengal tea estates", "Yukon mines", "Aegean islands", "Congo river ports", "Gobi outposts",
        "Tasmanian forests", "Nile cataracts", "Carpathian towns", "Amazon clinics", "Hokkaido farms", "Zagros highlands",
    ];

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-websub-latency-{Guid.NewGuid():N}.db");
    private PushedNewsSite _site = null!;

    public async Task InitializeAsync() => _site = await PushedNewsSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    [Fact]
    public async Task Pushed_items_reach_the_chat_within_two_seconds_at_p90()
    {
        await using var host = await TestHost.StartAsync(_dbPath, _site.Settings());
        _site.Route(host);
        await Eventually.TrueAsync(() => _site.Hub.Subscribers(_site.Topic).Count == 1, Wait, "the hub verified the subscription");

        var latencies = new List<TimeSpan>();
        for (var i = 0; i < Items; i++)
        {
            var title = $"Ceasefire reached for {Places[i]} ({i + 1})";
            var clock = Stopwatch.StartNew();
            Assert.Equal([202], await _site.PublishAsync($"latency-{i}", title));
            await Eventually.TrueAsync(() => host.Output.Text.Contains(title, StringComparison.Ordinal), Wait, $"item {i + 1} is alerted");
            latencies.Add(clock.Elapsed);
        }

        latencies.Sort();
        var p50 = latencies[(Items - 1) / 2];
        var p90 = latencies[(int)Math.Ceiling(Items * 0.9) - 1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"WebSub push, hub publish -> console alert, {Items} items: p50 {p50.TotalMilliseconds:0} ms, p90 {p90.TotalMilliseconds:0} ms, max {latencies[^1].TotalMilliseconds:0} ms"));
        output.WriteLine("Polling every 5 min (computed): mean 150 s, p50 150 s, p90 270 s until the poll, plus the same ingest and delivery");
        Assert.True(p90 < TimeSpan.FromSeconds(2), $"p90 {p90.TotalMilliseconds:0} ms");
    }
}
