using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// Issue 15: "alerts wait behind feed reads" — after a cold start with a few hundred sources no alert
/// went out until every feed had been read. Sending has its own lane: an alert reaches Telegram within
/// two seconds of its article being stored (Articles.FetchedAt → the fake Bot API receiving it), even
/// while 300 feeds that each take 2 s to answer keep every poll busy.
/// Set NEWSBOT_LANE_ROUNDS (default 1) for more rounds of ten alerts and p50/p90 figures in the output.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DeliveryLaneTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"];
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    /// <summary>The issue's target (≤ 2 s at any load); the assertion allows a second more for a machine busy with other tests.</summary>
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(3);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-lane-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _telegram = await FakeBotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private static int Rounds() =>
        int.TryParse(Environment.GetEnvironmentVariable("NEWSBOT_LANE_ROUNDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public async Task Alerts_reach_telegram_within_seconds_of_being_stored_however_many_slow_polls_run(int slowFeeds)
    {
        await using var slow = await SlowFeeds.StartAsync(slowFeeds, TimeSpan.FromSeconds(2));
        var settings = new Dictionary<string, string?>(_site.SeedSource())
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
            // Every feed is on 127.0.0.1: the per-host limit would otherwise queue the news feed behind the slow ones.
            ["NewsBot:Sources:MaxConcurrentPerHost"] = "1000",
            ["NewsBot:Summaries:FetchPages"] = "false",
        };
        foreach (var (key, value) in slow.Seeds(firstIndex: 1, pollInterval: "00:00:02")) settings[key] = value;
        await using var host = await TestHost.StartAsync(_dbPath, settings);

        for (var i = 0; i < Words.Length; i++) await SubscribeAsync(100 + i, Words[i]);
        await WaitForNewsFeedFirstFetchAsync(host);

        var latencies = new List<TimeSpan>();
        var inFlightAtArrival = new List<int>();
        for (var round = 1; round <= Rounds(); round++)
        {
            var titles = Words.Select(w => $"Harbour report {w} round {round}").ToList();
            foreach (var title in titles) _site.Feed.Add(title, title, "<p>Ships came in and went out.</p>", DateTimeOffset.UtcNow);
            await _telegram.WaitUntilAsync(t => titles.All(title => t.SentMessages.Any(m => m.Text.Contains(title, StringComparison.Ordinal))), Wait);
            inFlightAtArrival.Add(slow.InFlight);

            await using var db = host.Db();
            var stored = await db.Articles.AsNoTracking().Where(a => titles.Contains(a.Title)).ToDictionaryAsync(a => a.Title, a => a.FetchedAt);
            foreach (var title in titles)
            {
                var received = _telegram.SentMessages.First(m => m.Text.Contains(title, StringComparison.Ordinal)).At;
                latencies.Add(received - new DateTimeOffset(DateTime.SpecifyKind(stored[title], DateTimeKind.Utc)));
            }
        }

        var sorted = latencies.Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{slowFeeds} slow feeds: {sorted.Count} alerts, stored → Telegram p50 {Percentile(sorted, 0.5).TotalMilliseconds:0} ms, " +
            $"p90 {Percentile(sorted, 0.9).TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms; " +
            $"slow polls in flight when the alerts had arrived: {string.Join(", ", inFlightAtArrival)}; slow answers so far {slow.Answered}"));
        Assert.All(sorted, latency => Assert.True(latency <= Allowed, $"an alert took {latency.TotalMilliseconds:0} ms from stored to Telegram"));
        // The load was real: polls were reading slow feeds while the alerts went out.
        if (slowFeeds > 0) Assert.All(inFlightAtArrival, n => Assert.True(n >= 5, $"only {n} slow polls were running when the alerts arrived"));
    }

    private async Task SubscribeAsync(long chatId, string filter)
    {
        foreach (var text in new[] { "/start", "/add " + filter })
        {
            var before = _telegram.SentMessages.Count(m => m.ChatId == chatId);
            _telegram.PushUpdate(FakeUpdates.Text(chatId, chatId, text));
            await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.ChatId == chatId) > before, Wait);
        }
    }

    private Task WaitForNewsFeedFirstFetchAsync(TestHost host) =>
        Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            var url = _site.FeedUrl.ToString();
            return await db.Sources.AnyAsync(s => s.Url == url && s.FirstFetchDone);
        }, Wait, "the news feed's backlog is recorded");

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
