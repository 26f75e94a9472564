using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Telegram;

/// <summary>The command limits as configured in the real host (NewsBot:Commands), seen through a fake Bot API server.</summary>
[Collection(HostCollection.Name)]
public sealed class TelegramCommandLimitsTests : IAsyncLifetime
{
    private const long Flooder = 42, Other = 43;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-tglimits-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _telegram = await FakeBotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    [Fact]
    public async Task The_configured_per_user_rate_limit_answers_a_flood_once_and_other_users_are_served()
    {
        var settings = new Dictionary<string, string?>(_site.SeedSource(pollInterval: "01:00:00"))
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
            ["NewsBot:Commands:PerUserPerMinute"] = "3",
        };
        await using var host = await TestHost.StartAsync(_dbPath, settings);

        for (var i = 0; i < 8; i++) _telegram.PushUpdate(FakeUpdates.Text(Flooder, Flooder, "/list"));
        _telegram.PushUpdate(FakeUpdates.Text(Other, Other, "/list"));
        await _telegram.WaitUntilAsync(t => t.PendingUpdates == 0 && t.SentMessages.Count(m => m.ChatId == Flooder) >= 4 &&
            t.SentMessages.Any(m => m.ChatId == Other), Wait);

        var flooder = _telegram.SentMessages.Where(m => m.ChatId == Flooder).Select(m => m.Text).ToList();
        // Old code: all eight were answered.
        Assert.Equal(4, flooder.Count);
        Assert.All(flooder.Take(3), text => Assert.Contains("No filters yet", text));
        Assert.Matches(@"^You're sending commands too fast; try again in ([1-9]|1[0-9]|20) s\.$", flooder[3]); // 3 a minute: up to 20 s
        Assert.Contains("No filters yet", _telegram.SentMessages.Single(m => m.ChatId == Other).Text);
    }
}
