using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit.Discord;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Observability;

/// <summary>/health/live and /health/ready as an orchestrator sees them: status codes and the JSON naming each check.</summary>
[Collection(HostCollection.Name)]
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-health-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDatabase.Delete(_dbPath);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Live_and_ready_answer_200_with_database_and_job_server_healthy()
    {
        await using var host = await TestHost.StartAsync(_dbPath, new Dictionary<string, string?>());

        var (liveStatus, live) = await GetAsync(host, "/health/live");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());

        var ready = await WaitForReadyAsync(host);
        Assert.Equal("Healthy", Check(ready, "database").GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(ready, "jobs").GetProperty("status").GetString());
        Assert.Contains("job server(s) in this process", Check(ready, "jobs").GetProperty("description").GetString());
        Assert.False(ready.GetProperty("checks").TryGetProperty("telegram", out _), "Telegram is not configured, so not checked");
        Assert.False(ready.GetProperty("checks").TryGetProperty("discord", out _), "Discord is not configured, so not checked");
    }

    [Fact]
    public async Task Ready_is_503_naming_the_database_when_its_schema_is_gone_while_live_stays_200()
    {
        await using var host = await TestHost.StartAsync(_dbPath, new Dictionary<string, string?>());
        await WaitForReadyAsync(host);
        await using (var db = host.Db())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE Sources RENAME TO SourcesMovedAway");

        var (status, ready) = await GetAsync(host, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", ready.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Check(ready, "database").GetProperty("status").GetString());
        Assert.Contains("Sources", Check(ready, "database").GetProperty("description").GetString());
        Assert.Equal("Healthy", Check(ready, "jobs").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host, "/health/live")).Status);
    }

    [Fact]
    public async Task Ready_is_503_while_the_platforms_cannot_connect()
    {
        var closed = ClosedPort();
        await using var host = await TestHost.StartAsync(_dbPath, new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = new FakeBotApiOptions().Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = $"http://127.0.0.1:{closed}",
            ["NewsBot:Discord:BotToken"] = new FakeDiscordOptions().BotToken,
            ["NewsBot:Discord:ApiBaseUrl"] = $"http://127.0.0.1:{closed}/api/v10",
            ["NewsBot:Discord:GatewayUrl"] = $"ws://127.0.0.1:{closed}/gateway",
        });

        var (status, ready) = await GetAsync(host, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", Check(ready, "telegram").GetProperty("status").GetString());
        Assert.Contains("not started", Check(ready, "telegram").GetProperty("description").GetString());
        Assert.Equal("Unhealthy", Check(ready, "discord").GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(ready, "database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host, "/health/live")).Status);
    }

    [Fact]
    public async Task Ready_turns_200_once_the_telegram_bot_started_and_the_discord_gateway_is_ready()
    {
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 2000 });
        await using var host = await TestHost.StartAsync(_dbPath, new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
            ["NewsBot:Discord:BotToken"] = discord.Options.BotToken,
            ["NewsBot:Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["NewsBot:Discord:GatewayUrl"] = discord.GatewayUrl,
        });

        var ready = await WaitForReadyAsync(host);
        Assert.Equal("bot started", Check(ready, "telegram").GetProperty("description").GetString());
        Assert.Equal("gateway ready", Check(ready, "discord").GetProperty("description").GetString());
    }

    private static async Task<JsonElement> WaitForReadyAsync(TestHost host)
    {
        JsonElement body = default;
        await Eventually.TrueAsync(async () =>
        {
            var (status, json) = await GetAsync(host, "/health/ready");
            body = json;
            return status == HttpStatusCode.OK;
        }, Wait, "/health/ready answers 200");
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        return body;
    }

    private static JsonElement Check(JsonElement report, string name) => report.GetProperty("checks").GetProperty(name);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(TestHost host, string path)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await http.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>A port nothing listens on: bound once to learn a free number, then released.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
