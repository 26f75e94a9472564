using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Deliver;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Discord;

namespace NewsBot.IntegrationTests.Discord;

/// <summary>
/// The buttons under every alert on Discord, in the real host on a fake clock: the alert carries an action row
/// whose custom_ids are the commands, a press is answered with an ephemeral message, a member without Manage
/// Channels cannot pause or mute, "Pause 1 h" holds alerts and sends one digest when the hour has passed, and a
/// muted story's later reports edit nothing.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordAlertButtonsTests : IAsyncLifetime
{
    private const string Channel = "1300000000000000001";
    private const string ManageChannels = "16";
    private const string ViewChannel = "1024";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // 10:20 UTC, so the pause's hour ends at 11:20.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10).AddMinutes(20), TimeSpan.Zero));
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-dcb-{Guid.NewGuid():N}.db");
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

    private async Task<string> AnswerAsync(FakeInteraction interaction)
    {
        var record = await _discord.Gateway.PushInteractionAsync(interaction);
        var callback = await record.Callback.WaitAsync(Wait);
        var data = callback.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32()); // only the presser sees it
        return data.GetProperty("content").GetString()!;
    }

    private Task<string> PressAsync(string customId, string permissions) => AnswerAsync(FakeInteraction.Button(customId) with { Permissions = permissions });

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

    private static List<string> CustomIds(FakeMessage message) =>
        message.Body.TryGetProperty("components", out var rows)
            ? rows.EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("custom_id").GetString()!).ToList()
            : [];

    [Fact]
    public async Task Buttons_pause_for_an_hour_then_digest_and_mute_a_story_with_the_channels_rights()
    {
        Assert.Contains("Added filter 1", await AnswerAsync(new FakeInteraction("news", "add", new Dictionary<string, object> { ["filter"] = "ceasefire -football" }) { Permissions = ManageChannels }));
        _site.Feed.Add("d1", "Ceasefire talks resume in Cairo", "<p>Delegations arrived.</p>", _clock.GetUtcNow());
        await PollAsync();
        await Eventually.TrueAsync(() => _discord.Messages.Any(m => m.Target == Channel), Wait, "the alert is posted");
        var alert = _discord.Messages.First(m => m.Target == Channel);
        var id = (await AlertsAsync()).Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["/mutestory " + id, "/pause 1h", "/why " + id], CustomIds(alert));

        Assert.Equal("Matched your filter 1: ceasefire -football — terms found: ceasefire", await PressAsync("/why " + id, ViewChannel));
        Assert.StartsWith("Only this group's administrators can use /news pause here.", await PressAsync("/pause 1h", ViewChannel));
        Assert.StartsWith("Alerts paused for 1 h, until 11:20 UTC", await PressAsync("/pause 1h", ManageChannels));

        _site.Feed.Add("d2", "Ceasefire monitors arrive in the north", "<p>Observers from three countries.</p>", _clock.GetUtcNow());
        _site.Feed.Add("d3", "Ceasefire deal text published", "<p>Ten pages.</p>", _clock.GetUtcNow());
        await PollAsync();
        await Eventually.TrueAsync(async () => (await AlertsAsync()).Count(a => a.HeldFor == "Away") == 2, Wait, "two alerts are held for the pause");
        var dispatcher = _host.Services.GetRequiredService<AlertDispatcher>();
        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.Single(_discord.Messages, m => m.Target == Channel);

        _clock.Advance(TimeSpan.FromMinutes(61));
        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _discord.Messages.Count(m => m.Target == Channel) == 2, Wait, "the digest is posted");
        var digest = _discord.Messages.Last(m => m.Target == Channel).Body.GetProperty("content").GetString()!;
        Assert.Contains("Ceasefire monitors arrive in the north", digest);
        Assert.Contains("Ceasefire deal text published", digest);

        Assert.StartsWith("Only this group's administrators can use /mutestory here.", await PressAsync("/mutestory " + id, ViewChannel));
        Assert.StartsWith("Story muted for good", await PressAsync("/mutestory " + id, ManageChannels));
        await using var db = _host.Db();
        var mute = Assert.Single(await db.ChatStoryMutes.ToListAsync());
        Assert.Equal((await AlertsAsync()).First().StoryId, mute.StoryId);
    }
}
