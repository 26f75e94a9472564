using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Telegram;

/// <summary>
/// "Only what is big": a Telegram chat with <c>ceasefire outlets:3</c> hears of a story when its
/// third outlet reports it, in one alert naming the other two; a chat with <c>ceasefire</c> hears at
/// once. Three outlets are three news sites on loopback (another port is another site).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TelegramCoverageTests : IAsyncLifetime
{
    private const long BigOnly = 42, Everything = 77;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly string[] Wires = ["Wire A", "Wire B", "Wire C"];
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-coverage-{Guid.NewGuid():N}.db");
    private readonly List<NewsSite> _sites = [];
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync()
    {
        foreach (var _ in Wires)
        {
            var site = await NewsSite.StartAsync();
            site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
            _sites.Add(site);
        }
        _telegram = await FakeBotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        foreach (var site in _sites) await site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<FakeSentMessage> SayAsync(long chatId, string text)
    {
        var before = _telegram.SentMessages.Count(m => m.ChatId == chatId);
        _telegram.PushUpdate(FakeUpdates.Text(chatId, chatId, text));
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.ChatId == chatId) > before, Wait);
        return _telegram.SentMessages.Where(m => m.ChatId == chatId).Skip(before).First();
    }

    [Fact]
    public async Task A_coverage_filter_alerts_once_at_the_third_outlet_naming_the_other_two()
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
        };
        for (var i = 0; i < Wires.Length; i++)
            foreach (var (key, value) in _sites[i].SeedSource(i, Wires[i])) settings[key] = value;
        await using var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait, sources: 3);
        Assert.Contains("It alerts only when 3 different outlets (news sites) report the same story", (await SayAsync(BigOnly, "/add ceasefire outlets:3")).Text);
        await SayAsync(Everything, "/add ceasefire");

        var now = DateTimeOffset.UtcNow;
        _sites[0].Feed.Add("a1", "Israel and Hamas agree to extend Gaza ceasefire by two days, Qatar says",
            "<p>Qatar said on Monday that Israel and Hamas had agreed to extend the truce in Gaza by two more days, allowing further exchanges of hostages and prisoners.</p>", now);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Everything && m.Text.Contains("Israel and Hamas agree")), Wait);
        _sites[1].Feed.Add("b1", "Gaza ceasefire extended by two days, Qatari mediators announce",
            "<p>Mediators in Qatar announced that the ceasefire between Israel and Hamas in Gaza will be extended by two days to allow more hostage and prisoner releases.</p>", now);
        await WaitForStoryArticlesAsync(host, 2);
        await host.WaitUntilQuietAsync(_sites[1], Wait);
        Assert.DoesNotContain(_telegram.SentMessages, m => m.ChatId == BigOnly && m.Text.Contains("Gaza"));

        _sites[2].Feed.Add("c1", "Qatar: Israel, Hamas agree two-day extension of Gaza truce",
            "<p>Israel and Hamas agreed to a two-day extension of the Gaza truce, Qatar's foreign ministry spokesman said on Monday.</p>", now);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == BigOnly && m.Text.Contains("Gaza")), Wait);
        await host.WaitUntilQuietAsync(_sites[2], Wait);

        var alert = Assert.Single(_telegram.SentMessages, m => m.ChatId == BigOnly && m.Text.Contains("Gaza"));
        // The third report says "truce", not "ceasefire": it completes the story all the same, and
        // the alert is about the chat's latest matching report, naming the other two outlets.
        Assert.StartsWith("Gaza ceasefire extended by two days, Qatari mediators announce", alert.Text);
        Assert.Contains("Wire B", alert.Text);
        Assert.Contains("also: Wire A, Wire C", alert.Text);
        Assert.Single(_telegram.SentMessages, m => m.ChatId == Everything && m.Text.Contains("Gaza"));
    }

    private static Task WaitForStoryArticlesAsync(TestHost host, int count) => Eventually.TrueAsync(async () =>
    {
        await using var db = host.Db();
        return await db.Articles.Where(a => a.StoryId != null).GroupBy(a => a.StoryId).AnyAsync(g => g.Count() >= count);
    }, Wait, $"a story has {count} articles");
}
