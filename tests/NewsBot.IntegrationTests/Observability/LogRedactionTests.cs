using Microsoft.Extensions.Logging;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Match;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Discord;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Observability;

/// <summary>
/// The bot tokens never reach a log line, a structured field or an exception text, at any level,
/// while the platforms fail in the ways they fail in production: nothing listening, 401 for a
/// revoked token, 500s.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LogRedactionTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    // Shaped like real tokens (Telegram "id:secret"; Discord three dot-separated parts) and unlike anything else in a log.
    private const string TelegramToken = "987654321:AAHsecretTelegramTokenPart_xyz0123456";
    private const string TelegramSecret = "AAHsecretTelegramTokenPart_xyz0123456";
    private const string DiscordToken = "MTQwMDAwMDAwMDAwMDAwMDAx.GsEcRt.discordSecretTokenPart_abc987";
    private const string DiscordSecret = "discordSecretTokenPart_abc987";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-redact-{Guid.NewGuid():N}.db");
    private readonly CapturingLoggerProvider _logs = new();
    private NewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Tokens_stay_out_of_the_logs_when_nothing_listens_at_the_platform_addresses()
    {
        var closed = HealthEndpointTests.ClosedPort();
        await using (var host = await StartAsync($"http://127.0.0.1:{closed}", $"http://127.0.0.1:{closed}/api/v10", $"ws://127.0.0.1:{closed}/gateway"))
        {
            await AlertBothPlatformsAsync(host);
            await WaitForSendAttemptsAsync(host);
            await Eventually.TrueAsync(() => Logged("Telegram bot could not start") && Logged("Discord gateway"),
                Wait, "the platform failures are logged");
        }
        AssertNoToken();
    }

    [Fact]
    public async Task Tokens_stay_out_of_the_logs_when_the_platforms_answer_401_and_500()
    {
        // The fakes know other tokens: every call with ours is refused with 401, as after a token reset.
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 2000 });
        await using (var host = await StartAsync(telegram.BaseUrl, discord.ApiBaseUrl, discord.GatewayUrl))
        {
            await AlertBothPlatformsAsync(host);
            await Eventually.TrueAsync(() => Logged("401") || Logged("Unauthorized"), Wait, "a 401 is logged");
            await WaitForSendAttemptsAsync(host);
        }

        // Right tokens now, but the Bot API fails with 500 on every method the bot calls at start and when sending.
        await using var failing = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = TelegramToken });
        foreach (var method in new[] { "getMe", "sendMessage", "getUpdates", "setMyCommands", "deleteWebhook" })
            failing.FailNext(method, 500, "Internal Server Error: restart", times: 5);
        await using (var host = await StartAsync(failing.BaseUrl, discord.ApiBaseUrl, discord.GatewayUrl))
        {
            await Eventually.TrueAsync(() => Logged("Internal Server Error"), Wait, "a Bot API 500 is logged");
        }
        AssertNoToken();
    }

    private async Task<TestHost> StartAsync(string telegramBase, string discordApi, string discordGateway) =>
        await TestHost.StartAsync(_dbPath, new Dictionary<string, string?>(_site.SeedSource())
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["NewsBot:Telegram:BotToken"] = TelegramToken,
            ["NewsBot:Telegram:ApiBaseUrl"] = telegramBase,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
            ["NewsBot:Discord:BotToken"] = DiscordToken,
            ["NewsBot:Discord:ApiBaseUrl"] = discordApi,
            ["NewsBot:Discord:GatewayUrl"] = discordGateway,
        }, services => services.AddSingleton<ILoggerProvider>(_logs));

    /// <summary>A Telegram chat and a Discord channel subscribed to "ceasefire", and a new ceasefire article for both.</summary>
    private async Task AlertBothPlatformsAsync(TestHost host)
    {
        await host.WaitForFirstFetchAsync(Wait);
        await using (var db = host.Db())
        {
            foreach (var (platform, id) in new[] { ("telegram", "4242"), ("discord", "1300000000000000001") })
            {
                if (db.Chats.Any(c => c.Platform == platform && c.ExternalId == id)) continue;
                var chat = new Chat { Platform = platform, ExternalId = id, CreatedAt = DateTime.UtcNow, Filters = [new ChatFilter { Text = "ceasefire", CreatedAt = DateTime.UtcNow }] };
                db.Chats.Add(chat);
                await db.SaveChangesAsync();
                host.Services.GetRequiredService<FilterIndexHolder>().Add(chat.Filters[0].Id, chat.Id, "ceasefire");
            }
        }
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
    }

    /// <summary>Both platforms' senders tried the alert and recorded the platform's refusal.</summary>
    private static async Task WaitForSendAttemptsAsync(TestHost host) =>
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            var tried = db.Alerts.Where(a => a.Attempts > 0 && a.LastError != null).Select(a => a.Chat!.Platform).Distinct().ToList();
            return tried.Contains("telegram") && tried.Contains("discord");
        }, Wait, "both platforms' sends were attempted and refused");

    private bool Logged(string fragment) => _logs.AllText.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    private void AssertNoToken()
    {
        var text = _logs.AllText;
        output.WriteLine($"{_logs.Entries.Count} log entries, {text.Length} characters captured");
        foreach (var entry in _logs.Entries.Where(e => e.Contains(TelegramSecret) || e.Contains(DiscordSecret)).Take(5))
            output.WriteLine("LEAK: " + entry);
        Assert.True(_logs.Entries.Count > 50, "Trace logging captured the host's activity");
        Assert.DoesNotContain(TelegramSecret, text);
        Assert.DoesNotContain(DiscordSecret, text);
        Assert.DoesNotContain(TelegramToken, text);
        Assert.DoesNotContain(DiscordToken, text);
    }
}
