using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Deliver.Notices;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// A news site breaks for more than a day, on a fake clock, through the real host: the chats that
/// hear only from it and the admin are told once, the others not at all, and once more when it works again.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SourceHealthNoticeTests : IAsyncLifetime
{
    private const long Alice = 42, Bob = 77, Admin = 1000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-health-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private NewsSite _site = null!;
    private FakeBotApiServer _telegram = null!;
    private volatile string _breakage = ""; // "", "500" or "garbage"

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", _time.GetUtcNow().AddDays(-1));
        _site.Server.Map(NewsSite.FeedPath, ctx =>
        {
            switch (_breakage)
            {
                case "500":
                    ctx.Response.StatusCode = 500;
                    return Task.CompletedTask;
                case "garbage":
                    ctx.Response.ContentType = "text/html";
                    return ctx.Response.WriteAsync("<!doctype html><html><body>Site under maintenance</body></html>");
                default:
                    ctx.Response.ContentType = "application/rss+xml";
                    return ctx.Response.WriteAsync(_site.Feed.Build());
            }
        });
        _site.Serve("other.xml", _site.Feed);
        _telegram = await FakeBotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private Task<TestHost> StartAsync(Dictionary<string, string?> settings) =>
        TestHost.StartAsync(_dbPath, settings, services => services.AddSingleton<TimeProvider>(_time));

    private Dictionary<string, string?> TelegramSettings() => new(_site.SeedSource(pollInterval: "00:05:00")
        .Concat(_site.SeedSource(1, "Other Wire", "other.xml", "00:05:00")))
    {
        ["NewsBot:Telegram:BotToken"] = _telegram.Token,
        ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
        ["NewsBot:Telegram:AdminUserIds:0"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
    };

    [Fact]
    public async Task Dependent_chat_and_admin_hear_once_that_a_source_fails_and_once_that_it_is_back_even_across_a_restart()
    {
        var host = await StartAsync(TelegramSettings());
        try
        {
            await PumpUntilAsync(host, s => s.All(x => x.FirstFetchDone), "both sources are read once");
            await AddTelegramChatAsync(host, Alice, "ceasefire source:loopback", Berlin); // only ever hears from Loopback News
            await AddTelegramChatAsync(host, Bob, "ceasefire");                   // hears from both sources

            _breakage = "500";
            _time.Advance(TimeSpan.FromMinutes(5));
            await PumpUntilAsync(host, s => s.Single(x => x.Name == "Loopback News").FailingSince is not null, "the failure is recorded");
            var failingSince = (await SourceAsync(host, "Loopback News")).FailingSince!.Value;

            _time.Advance(TimeSpan.FromHours(23));
            Assert.Equal(0, await host.Services.GetRequiredService<SourceNoticeQueue>().QueueDueAsync(CancellationToken.None));

            _time.Advance(TimeSpan.FromHours(2));
            await PumpUntilAsync(host, _ => Notices(Alice).Count == 1 && Notices(Admin).Count == 1, "Alice and the admin are told");
            await PumpUntilAsync(host, async () => await UnsettledNoticesAsync(host) == 0, "every notice is settled");

            var chatNotice = Notices(Alice).Single().Text;
            // Alice chose /timezone Europe/Berlin: her notice shows her time; the admin's shows UTC.
            var berlinSince = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(failingSince, DateTimeKind.Utc), Berlin);
            Assert.Contains("\"Loopback News\" has not been readable since " + berlinSince.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " Europe/Berlin", chatNotice);
            Assert.Contains("has not been readable since " + failingSince.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC", Notices(Admin).Single().Text);
            Assert.Contains("the site's server is failing (HTTP 500 Internal Server Error)", chatNotice);
            Assert.Contains("NewsBot keeps retrying; you'll hear when it's back.", chatNotice);
            Assert.DoesNotContain("Chats that", chatNotice);
            Assert.Contains("Chats that get news only from this source: 1 (they were told too).", Notices(Admin).Single().Text);
            Assert.Empty(Notices(Bob));
            await using (var db = host.Db())
                Assert.All(await db.SourceNotices.ToListAsync(), n => Assert.True(n.CreatedAt >= failingSince.AddHours(24)));
        }
        finally
        {
            await host.DisposeAsync();
        }

        host = await StartAsync(TelegramSettings());
        try
        {
            var restartedAt = _time.GetUtcNow().UtcDateTime;
            _time.Advance(TimeSpan.FromHours(6)); // past the longest backoff: the broken source is polled again
            await PumpUntilAsync(host, s => s.Single(x => x.Name == "Loopback News").LastAttemptAt > restartedAt, "the restarted host polls the broken source");
            Assert.Equal(0, await host.Services.GetRequiredService<SourceNoticeQueue>().QueueDueAsync(CancellationToken.None));
            Assert.Equal(0, await host.Services.GetRequiredService<SourceNoticeSender>().SendPendingAsync(CancellationToken.None));
            Assert.Single(Notices(Alice));
            Assert.Single(Notices(Admin));

            _breakage = "";
            _time.Advance(TimeSpan.FromHours(6));
            await PumpUntilAsync(host, _ => Notices(Alice).Count == 2 && Notices(Admin).Count == 2, "Alice and the admin hear it is back");
            await PumpUntilAsync(host, async () => await UnsettledNoticesAsync(host) == 0, "every notice is settled");
            Assert.Contains("\"Loopback News\" works again", Notices(Alice)[1].Text);
            Assert.Contains("Chats that get news only from this source: 1.", Notices(Admin)[1].Text);
            Assert.Empty(Notices(Bob));

            var backAt = _time.GetUtcNow().UtcDateTime;
            _time.Advance(TimeSpan.FromMinutes(10));
            await PumpUntilAsync(host, s => s.Single(x => x.Name == "Loopback News").LastSuccessAt > backAt, "a later good read");
            Assert.Equal(0, await host.Services.GetRequiredService<SourceNoticeQueue>().QueueDueAsync(CancellationToken.None));
            Assert.Equal(2, Notices(Alice).Count);
            Assert.Equal(2, Notices(Admin).Count);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_a_bot_the_console_prints_the_notice_once_when_the_only_source_serves_garbage()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>(_site.SeedSource(pollInterval: "00:05:00"))
        {
            ["NewsBot:Console:Filters:0"] = "ceasefire",
        });
        await PumpUntilAsync(host, s => s.All(x => x.FirstFetchDone), "the source is read once");
        _breakage = "garbage";
        _time.Advance(TimeSpan.FromMinutes(5));
        await PumpUntilAsync(host, s => s.Single().FailingSince is not null, "the failure is recorded");

        _time.Advance(TimeSpan.FromHours(25));
        await PumpUntilAsync(host, () => Task.FromResult(host.Output.Text.Contains("has not been readable")), "the console prints the notice");
        await PumpUntilAsync(host, async () => await UnsettledNoticesAsync(host) == 0, "every notice is settled");

        // The console chat depends on the only source and is also where the admin reads: one notice, the admin's.
        Assert.Equal(1, host.Output.Count("has not been readable"));
        Assert.Contains("the address no longer returns a news feed (not a feed: the document is an HTML page)", host.Output.Text);
        Assert.Contains("Chats that get news only from this source: 1", host.Output.Text);
    }

    private List<FakeSentMessage> Notices(long chatId) =>
        _telegram.SentMessages.Where(m => m.ChatId == chatId && m.Text.Contains("\"Loopback News\"")).ToList();

    private static async Task<int> UnsettledNoticesAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.SourceNotices.CountAsync(n => n.Status == AlertStatus.Pending);
    }

    private static async Task<Source> SourceAsync(TestHost host, string name)
    {
        await using var db = host.Db();
        return await db.Sources.AsNoTracking().SingleAsync(s => s.Name == name);
    }

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private async Task AddTelegramChatAsync(TestHost host, long chatId, string filter, TimeZoneInfo? zone = null)
    {
        await using var db = host.Db();
        var now = _time.GetUtcNow().UtcDateTime;
        db.Chats.Add(new Chat
        {
            Platform = "telegram", ExternalId = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = now,
            Filters = [new ChatFilter { Text = filter, CreatedAt = now }],
            DeliveryPreferences = zone is null ? null
                : NewsBot.Core.Delivery.DeliveryPreferencesText.Format(NewsBot.Core.Delivery.DeliveryPreferences.Default with { TimeZone = zone }),
        });
        await db.SaveChangesAsync();
    }

    private Task PumpUntilAsync(TestHost host, Func<IReadOnlyList<Source>, bool> condition, string because) =>
        PumpUntilAsync(host, async () =>
        {
            await using var db = host.Db();
            return condition(await db.Sources.AsNoTracking().ToListAsync());
        }, because);

    /// <summary>
    /// Waits for the host while moving the fake clock a second at a time, so its timers (scheduler,
    /// notice loop, Telegram pacing) run as they would in real time.
    /// </summary>
    private async Task PumpUntilAsync(TestHost host, Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {Wait.TotalSeconds:0} s waiting until {because}");
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
    }
}

