using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Telegram;

/// <summary>
/// The buttons under every alert, pressed in the real host on the fake Bot API: "Why?" answers in an alert box,
/// "Mute this story" stops the story's "also" edits for that chat (across a restart), other chats keep theirs and
/// their buttons, and a group member who is not an admin changes nothing.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TelegramAlertButtonsTests : IAsyncLifetime
{
    private const long Alice = 42, Bob = 77, Group = -4001, Admin = 1000, Member = 88;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly string[] Wires = ["Wire A", "Wire B"];
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-buttons-{Guid.NewGuid():N}.db");
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

    private async Task<TestHost> StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
        };
        for (var i = 0; i < Wires.Length; i++)
            foreach (var (key, value) in _sites[i].SeedSource(i, Wires[i])) settings[key] = value;
        var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait, sources: Wires.Length);
        return host;
    }

    private async Task SayAsync(long chatId, long userId, string text, string chatType = "private")
    {
        var before = _telegram.SentMessages.Count(m => m.ChatId == chatId);
        _telegram.PushUpdate(FakeUpdates.Text(chatId, userId, text, chatType));
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.ChatId == chatId) > before, Wait);
    }

    /// <summary>Presses a button as <paramref name="userId"/> and returns Telegram's record of the press's answer.</summary>
    private async Task<FakeApiCall> PressAsync(long chatId, long userId, string data, string chatType = "private")
    {
        var id = "cb-" + Guid.NewGuid().ToString("N");
        _telegram.PushUpdate(FakeUpdates.Callback(id, chatId, userId, data, chatType));
        await _telegram.WaitUntilAsync(t => t.CallsTo("answerCallbackQuery").Any(c => c.Text("callback_query_id") == id && c.Status != 0), Wait);
        return _telegram.CallsTo("answerCallbackQuery").Single(c => c.Text("callback_query_id") == id);
    }

    private FakeSentMessage AlertTo(long chatId) => _telegram.SentMessages.Single(m => m.ChatId == chatId && m.Text.Contains("Gaza", StringComparison.Ordinal));

    [Fact]
    public async Task Mute_stops_a_storys_edits_across_a_restart_while_other_chats_keep_theirs_with_their_buttons()
    {
        var host = await StartAsync();
        await SayAsync(Alice, Alice, "/add ceasefire gaza");
        await SayAsync(Bob, Bob, "/add ceasefire gaza");
        var now = DateTimeOffset.UtcNow;
        _sites[0].Feed.Add("a1", "Israel and Hamas agree to extend Gaza ceasefire by two days, Qatar says",
            "<p>Qatar said on Monday that Israel and Hamas had agreed to extend the truce in Gaza by two more days, allowing further exchanges of hostages and prisoners.</p>", now);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.Text.Contains("Israel and Hamas agree", StringComparison.Ordinal)) == 2, Wait);

        var alert = AlertTo(Alice);
        var alertId = alert.ButtonData[0]["/mutestory ".Length..];
        Assert.Equal(["/mutestory " + alertId, "/pause 1h", "/why " + alertId], alert.ButtonData);
        var why = await PressAsync(Alice, Alice, "/why " + alertId);
        Assert.Equal("Matched your filter 1: ceasefire gaza — terms found: ceasefire, gaza", why.Text("text"));
        Assert.Equal("true", why.Text("show_alert")?.ToLowerInvariant());
        Assert.StartsWith("Story muted for good", (await PressAsync(Alice, Alice, "/mutestory " + alertId)).Text("text"));
        Assert.Equal("This button is not for this chat.", (await PressAsync(Bob, Bob, "/mutestory " + alertId)).Text("text"));
        await host.DisposeAsync();

        await using var restarted = await StartAsync();
        _sites[1].Feed.Add("b1", "Gaza ceasefire extended by two days, Qatari mediators announce",
            "<p>Mediators in Qatar announced that the ceasefire between Israel and Hamas in Gaza will be extended by two days to allow more hostage and prisoner releases.</p>", now);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Bob && m.Edits == 1), Wait);
        await restarted.WaitUntilQuietAsync(_sites[1], Wait);

        var bobs = AlertTo(Bob);
        Assert.Contains("also: Wire B", bobs.Text, StringComparison.Ordinal);
        Assert.Equal(3, bobs.ButtonData.Count); // the edit kept the keyboard
        Assert.Equal(0, AlertTo(Alice).Edits);
        Assert.DoesNotContain("also:", AlertTo(Alice).Text, StringComparison.Ordinal);
        await using var db = restarted.Db();
        Assert.Single(await db.ChatStoryMutes.ToListAsync());
    }

    [Fact]
    public async Task A_group_members_press_on_mute_or_pause_is_refused_and_an_admins_pause_holds_the_groups_alerts()
    {
        await using var host = await StartAsync();
        _telegram.AddChat(Group, "group", title: "Newsroom");
        _telegram.SetChatMember(Group, Admin, "administrator");
        _telegram.SetChatMember(Group, Member, "member");
        await SayAsync(Group, Admin, "/add ceasefire", "group");
        _sites[0].Feed.Add("a1", "Israel and Hamas agree to extend Gaza ceasefire by two days, Qatar says", "<p>Qatar said so.</p>", DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Group && m.Text.Contains("Gaza", StringComparison.Ordinal)), Wait);
        var alert = AlertTo(Group);
        Assert.Equal(2, alert.ButtonData.Count); // one term: nothing for "Why?" to explain

        Assert.StartsWith("Only this group's administrators can use /mutestory here.", (await PressAsync(Group, Member, alert.ButtonData[0], "group")).Text("text"));
        Assert.StartsWith("Only this group's administrators can use /pause here.", (await PressAsync(Group, Member, "/pause 1h", "group")).Text("text"));
        await using (var db = host.Db())
        {
            Assert.Empty(await db.ChatStoryMutes.ToListAsync());
            Assert.Null((await db.Chats.SingleAsync(c => c.ExternalId == Group.ToString(CultureInfo.InvariantCulture))).PausedUntil);
        }

        Assert.StartsWith("Alerts paused for 1 h", (await PressAsync(Group, Admin, "/pause 1h", "group")).Text("text"));
        _sites[1].Feed.Add("b1", "Ceasefire monitors arrive in the north", "<p>Observers from three countries.</p>", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Alerts.AnyAsync(a => a.HeldFor == "Away");
        }, Wait, "the alert is held until the pause ends");
        Assert.DoesNotContain(_telegram.SentMessages, m => m.Text.Contains("monitors", StringComparison.Ordinal));
    }
}
