using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Telegram;

/// <summary>
/// Members' personal filters in a Telegram group (/follow, /following, /unfollow), through the real host and the
/// fake Bot API server: the member's match reaches them privately, or mentions them in the group when no private
/// message can, and never alerts the group itself.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TelegramPersonalAlertsTests : IAsyncLifetime
{
    private const long Admin = 42, GroupId = -4001, Bob = 77, Carol = 78, Dave = 79;
    private const string SeedHeadline = "Exclusive: Progress is being made in ceasefire talks, modest however";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-tgp-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _telegram = await FakeBotApiServer.StartAsync();
        _telegram.AddChat(GroupId, "group", title: "Newsroom");
        _telegram.SetChatMember(GroupId, Admin, "administrator");
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartAsync()
    {
        var settings = new Dictionary<string, string?>(_site.SeedSource())
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
        };
        var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait);
        return host;
    }

    private async Task<FakeSentMessage> SayAsync(long chatId, long userId, string text)
    {
        var before = _telegram.SentMessages.Count(m => m.ChatId == chatId);
        _telegram.PushUpdate(FakeUpdates.Text(chatId, userId, text, chatId < 0 ? "group" : "private"));
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.ChatId == chatId) > before, Wait);
        return _telegram.SentMessages.Where(m => m.ChatId == chatId).Skip(before).First();
    }

    private Task<FakeSentMessage> InGroupAsync(long userId, string text) => SayAsync(GroupId, userId, text);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private bool GroupGotHeadline => _telegram.SentMessages.Any(m => m.ChatId == GroupId && m.Text.Contains(SeedHeadline));

    [Fact]
    public async Task A_member_without_admin_rights_may_follow_but_not_add_and_is_alerted_privately_while_the_group_gets_nothing()
    {
        await using var host = await StartAsync();
        await SayAsync(Bob, Bob, "/start");
        Assert.Contains("Only this group's administrators", (await InGroupAsync(Bob, "/add ceasefire")).Text);
        var followed = await InGroupAsync(Bob, "/follow ceasefire");
        Assert.Contains("You follow 1: ceasefire", followed.Text);
        Assert.Contains("I'll message you privately", followed.Text);
        Assert.Contains("No filters yet", (await InGroupAsync(Admin, "/list")).Text); // the chat's own filters are unchanged

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Bob && m.Text.Contains(SeedHeadline)), Wait);
        await host.WaitUntilQuietAsync(_site, Wait);
        Assert.Single(_telegram.SentMessages, m => m.ChatId == Bob && m.Text.Contains(SeedHeadline));
        Assert.False(GroupGotHeadline);
        await using var db = host.Db();
        var alert = await db.Alerts.Include(a => a.Chat).SingleAsync();
        Assert.Equal(Id(Bob), alert.Chat!.ExternalId);
        Assert.Equal(await db.Chats.Where(c => c.ExternalId == Id(GroupId)).Select(c => c.Id).SingleAsync(), alert.ViaChatId);
    }

    [Fact]
    public async Task Members_who_never_started_the_bot_or_blocked_it_are_mentioned_together_in_one_group_message()
    {
        await using var host = await StartAsync();
        await SayAsync(Dave, Dave, "/start");
        var carolFollows = await InGroupAsync(Carol, "/follow ceasefire");
        Assert.Contains($"start a chat with me first: t.me/{_telegram.BotUsername}", carolFollows.Text);
        await InGroupAsync(Dave, "/follow ceasefire talks");
        _telegram.MakeChatGone(Carol, "Forbidden: bot can't initiate conversation with a user");
        _telegram.MakeChatGone(Dave, "Forbidden: bot was blocked by the user");

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == GroupId && m.Text.Contains(SeedHeadline)), Wait);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.MemberMentions.CountAsync(m => m.Status == AlertStatus.Sent) == 2;
        }, Wait, "both mentions are sent");
        var mention = Assert.Single(_telegram.SentMessages, m => m.ChatId == GroupId && m.Text.Contains(SeedHeadline));
        Assert.Equal(
            [$"tg://user?id={Carol}", $"tg://user?id={Dave}"],
            mention.Entities.Where(e => e.Type == "text_mention").Select(e => e.Url!).Order().ToArray());
        await using (var db = host.Db())
        {
            Assert.All(await db.Chats.Where(c => c.ExternalId == Id(Carol) || c.ExternalId == Id(Dave)).ToListAsync(), c => Assert.NotNull(c.DeactivatedReason));
            Assert.All(await db.Alerts.ToListAsync(), a => Assert.Contains("mentioned in the shared chat instead", a.LastError));
        }

        // Their private chats are known gone now: the next match mentions them at once, no private message is tried.
        var privateTries = _telegram.CallsTo("sendMessage").Count(c => c.Text("chat_id") is var id && (id == Id(Carol) || id == Id(Dave)));
        _site.Feed.Add("more", "Ceasefire monitors arrive in the north", "<p>Observers deployed.</p>", DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == GroupId && m.Text.Contains("Ceasefire monitors arrive")), Wait);
        Assert.Equal(privateTries, _telegram.CallsTo("sendMessage").Count(c => c.Text("chat_id") is var id && (id == Id(Carol) || id == Id(Dave))));
    }

    [Fact]
    public async Task A_member_who_left_the_group_gets_nothing_and_nobody_is_mentioned()
    {
        await using var host = await StartAsync();
        await SayAsync(Bob, Bob, "/start");
        await InGroupAsync(Bob, "/follow ceasefire");
        _telegram.SetChatMember(GroupId, Bob, "left");

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Alerts.AnyAsync(a => a.Status == AlertStatus.Failed);
        }, Wait, "the personal alert is dropped");
        await host.WaitUntilQuietAsync(_site, Wait);
        Assert.DoesNotContain(_telegram.SentMessages, m => m.Text.Contains(SeedHeadline));
        await using var check = host.Db();
        Assert.Contains("left", (await check.Alerts.SingleAsync()).LastError);
        Assert.Equal(1, await check.Filters.CountAsync()); // kept until /unfollow or /stop
    }

    [Fact]
    public async Task A_personal_alert_is_held_by_the_members_own_quiet_hours()
    {
        await using var host = await StartAsync();
        var now = DateTime.UtcNow;
        await SayAsync(Bob, Bob, $"/quiet {now.AddHours(-1):HH:mm}-{now.AddHours(2):HH:mm}");
        await InGroupAsync(Bob, "/follow ceasefire");

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Alerts.AnyAsync(a => a.HeldFor != null);
        }, Wait, "the personal alert is held for the member's quiet hours");
        Assert.DoesNotContain(_telegram.SentMessages, m => m.Text.Contains(SeedHeadline));
    }

    [Fact]
    public async Task Following_lists_only_the_senders_own_filters_and_unfollow_removes_by_that_number()
    {
        await using var host = await StartAsync();
        await InGroupAsync(Bob, "/follow ceasefire");
        await InGroupAsync(Bob, "/follow tariffs");
        await InGroupAsync(Bob, "/follow election");
        await InGroupAsync(Carol, "/follow earthquake");
        Assert.Contains("You already follow tariffs here", (await InGroupAsync(Bob, "/follow Tariffs")).Text);

        var list = await InGroupAsync(Bob, "/following");
        Assert.Contains("1. ceasefire\n2. tariffs\n3. election", list.Text);
        Assert.DoesNotContain("earthquake", list.Text);
        Assert.Equal(["/unfollow 1", "/unfollow 2", "/unfollow 3"], list.ButtonData);
        Assert.Contains("You no longer follow 2: tariffs", (await InGroupAsync(Bob, "/unfollow 2")).Text);
        Assert.Contains("1. ceasefire\n2. election", (await InGroupAsync(Bob, "/following")).Text);
        Assert.Contains("You have no filter 5 here; yours are 1 to 2", (await InGroupAsync(Bob, "/unfollow 5")).Text);
        Assert.Contains("1. earthquake", (await InGroupAsync(Carol, "/following")).Text);
        Assert.Contains("No filters yet", (await InGroupAsync(Admin, "/list")).Text);
        Assert.Contains("use /add", (await SayAsync(Bob, Bob, "/follow ceasefire")).Text);
    }
}
