using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Deliver;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Discord;

namespace NewsBot.IntegrationTests.Discord;

/// <summary>
/// Delivery settings made with /news slash commands, through the real host on a fake clock: held alerts reach the
/// Discord channel as one digest message when it is due, never before.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordDigestTests : IAsyncLifetime
{
    private const string Channel = "1300000000000000001";
    private const string ManageChannels = "16";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // 10:20 UTC: the next hourly digest is due at 11:00.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10).AddMinutes(20), TimeSpan.Zero));
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-dcd-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private FakeDiscordServer _discord = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", _clock.GetUtcNow().AddDays(-1));
        _discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 2000 });
        _host = await TestHost.StartAsync(_dbPath, new Dictionary<string, string?>(_site.SeedSource())
        {
            ["NewsBot:Discord:BotToken"] = _discord.Options.BotToken,
            ["NewsBot:Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["NewsBot:Discord:GatewayUrl"] = _discord.GatewayUrl,
        }, services => services.AddSingleton<TimeProvider>(_clock));
        await _host.WaitForFirstFetchAsync(Wait);
        await Eventually.TrueAsync(() => !_discord.Commands.IsEmpty, Wait, "the slash commands are registered");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<string> SlashAsync(string sub, string option, object value)
    {
        var record = await _discord.Gateway.PushInteractionAsync(
            new FakeInteraction("news", sub, new Dictionary<string, object> { [option] = value }) { Permissions = ManageChannels });
        var data = (await record.Callback.WaitAsync(Wait)).GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        return data.GetProperty("content").GetString()!;
    }

    /// <summary>The scheduler polls on the host's clock: move it a tick at a time until the feed has been read again.</summary>
    private async Task PollAsync()
    {
        var polls = _site.Polls();
        await Eventually.TrueAsync(() =>
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            return _site.Polls() > polls;
        }, Wait, "the feed is polled again");
    }

    private async Task<List<Alert>> AlertsAsync()
    {
        await using var db = _host.Db();
        return await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task An_hourly_digest_set_by_slash_command_arrives_as_one_message_after_the_hour()
    {
        Assert.Contains("Added filter 1", await SlashAsync("add", "filter", "ceasefire"));
        Assert.Contains("one digest at the top of every hour", await SlashAsync("digest", "mode", "hourly"));

        var now = _clock.GetUtcNow();
        _site.Feed.Add("d1", "Ceasefire talks resume in Cairo", "<p>Delegations arrived.</p>", now);
        _site.Feed.Add("d2", "Ceasefire *monitors* arrive in the north", "<p>Observers from three countries.</p>", now);
        _site.Feed.Add("d3", "Ceasefire deal text published", "<p>Ten pages.</p>", now);
        await PollAsync();
        await Eventually.TrueAsync(async () => (await AlertsAsync()).Count(a => a.HeldFor != null) == 3, Wait, "three alerts are held for the digest");
        var dispatcher = _host.Services.GetRequiredService<AlertDispatcher>();
        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.DoesNotContain(_discord.Messages, m => m.Target == Channel);

        _clock.Advance(TimeSpan.FromHours(11) - _clock.GetUtcNow().TimeOfDay + TimeSpan.FromMinutes(1)); // 11:01
        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        // The host's own dispatch loop may have claimed the digest first and still be sending it.
        await Eventually.TrueAsync(() => _discord.Messages.Any(m => m.Target == Channel), Wait, "the digest is posted");

        var digest = Assert.Single(_discord.Messages, m => m.Target == Channel);
        var content = digest.Body.GetProperty("content").GetString()!;
        Assert.InRange(content.Length, 1, 2000);
        Assert.Contains("Ceasefire talks resume in Cairo", content);
        Assert.Contains(@"Ceasefire \*monitors\* arrive in the north", content); // markdown shows as typed
        Assert.Contains("Ceasefire deal text published", content);
        Assert.False(digest.Body.TryGetProperty("embeds", out _));
        Assert.All(await AlertsAsync(), a => Assert.Equal(AlertStatus.Sent, a.Status));
    }
}
