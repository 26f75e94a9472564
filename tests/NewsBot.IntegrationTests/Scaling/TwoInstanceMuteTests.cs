using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Scaling;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.TestKit;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>
/// "Mute this story" is a row, not an instance's memory: pressed on the instance leading the Telegram bot, it holds
/// on the other instance of the same PostgreSQL database once the first is gone — the story's next report edits
/// only the chat that did not mute it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TwoInstanceMuteTests : IAsyncLifetime
{
    private const long Alice = 42, Bob = 77;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly FeedBuilder _wireA = new(), _wireB = new();
    private LoopbackHttpServer _site = null!;
    private FakeBotApiServer _telegram = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _site = await LoopbackHttpServer.StartAsync();
        foreach (var (path, feed) in new[] { ("a.xml", _wireA), ("b.xml", _wireB) })
            _site.Map(path, async ctx =>
            {
                ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
                string body;
                lock (feed) body = feed.Build();
                await ctx.Response.WriteAsync(body);
            });
        _telegram = await FakeBotApiServer.StartAsync();
        _connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
    }

    private FakeSentMessage AlertTo(long chat) => _telegram.SentMessages.Single(m => m.ChatId == chat && m.Text.Contains("Gaza", StringComparison.Ordinal));

    [Fact]
    public async Task A_mute_pressed_on_one_instance_holds_on_the_other()
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
            ["NewsBot:Scaling:RetryInterval"] = "00:00:01",
        };
        var first = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, settings);
        var now = DateTime.UtcNow;
        await using (var db = first.Db())
        {
            foreach (var chat in new[] { Alice, Bob })
                db.Chats.Add(new Chat { Platform = "telegram", ExternalId = chat.ToString(CultureInfo.InvariantCulture), CreatedAt = now, Filters = [new ChatFilter { Text = "ceasefire", CreatedAt = now }] });
            db.Sources.Add(new Source { Name = "Wire A", Url = _site.Url("a.xml").ToString(), PollInterval = TimeSpan.FromSeconds(1), NextPollAt = now, CreatedAt = now, FirstFetchDone = true });
            db.Sources.Add(new Source { Name = "Wire B", Url = _site.Url("b.xml").ToString(), PollInterval = TimeSpan.FromSeconds(1), NextPollAt = now, CreatedAt = now, FirstFetchDone = true });
            await db.SaveChangesAsync();
        }
        var second = await TestHost.StartAsync(DatabaseProvider.Postgres, _connectionString, settings);
        try
        {
            await Eventually.TrueAsync(() => first.Services.GetRequiredService<NewsBot.Pipeline.Match.FilterIndexHolder>().Index.Count == 2, Wait, "the first instance syncs the filters");
            lock (_wireA)
                _wireA.Add("a1", "Israel and Hamas agree to extend Gaza ceasefire by two days, Qatar says",
                    "<p>Qatar said on Monday that Israel and Hamas had agreed to extend the truce in Gaza by two more days, allowing further exchanges of hostages and prisoners.</p>", DateTimeOffset.UtcNow);
            await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.Text.Contains("Gaza", StringComparison.Ordinal)) == 2, Wait);

            // The press goes to the instance leading the bot; that one then stops.
            var leader = first.Services.GetRequiredService<LeaderElection>().IsLeader("telegram") ? first : second;
            var other = leader == first ? second : first;
            _telegram.PushUpdate(FakeUpdates.Callback("mute", Alice, Alice, AlertTo(Alice).ButtonData[0]));
            await _telegram.WaitUntilAsync(t => t.CallsTo("answerCallbackQuery").Any(c => c.Text("callback_query_id") == "mute" && c.Status == 200), Wait);
            Assert.StartsWith("Story muted for good", _telegram.CallsTo("answerCallbackQuery").Single().Text("text"));
            await leader.DisposeAsync();

            lock (_wireB)
                _wireB.Add("b1", "Gaza ceasefire extended by two days, Qatari mediators announce",
                    "<p>Mediators in Qatar announced that the ceasefire between Israel and Hamas in Gaza will be extended by two days to allow more hostage and prisoner releases.</p>", DateTimeOffset.UtcNow);
            await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Bob && m.Edits > 0), Wait);
            await Eventually.TrueAsync(async () =>
            {
                await using var db = other.Db();
                return !await db.Alerts.AnyAsync(a => a.Status == AlertStatus.Pending || a.UpdatePending);
            }, Wait, "nothing is left to send");

            Assert.Contains("also: Wire B", AlertTo(Bob).Text, StringComparison.Ordinal);
            Assert.Equal(0, AlertTo(Alice).Edits);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }
}
