using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Telegram;

/// <summary>
/// The Telegram bot as people use it: updates go into a fake Bot API server on 127.0.0.1, the real
/// Telegram.Bot client inside the real host polls them, replies and alerts come out of the fake.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TelegramBotTests : IAsyncLifetime
{
    private const long Alice = 42, Admin = 1000, GroupId = -4001, Bob = 77;
    private const string SeedHeadline = "Exclusive: Progress is being made in ceasefire talks, modest however";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-tg-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _telegram = await FakeBotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(_site.SeedSource())
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:AdminUserIds:0"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    private async Task<TestHost> StartAsync(params (string Key, string Value)[] extra)
    {
        var host = await TestHost.StartAsync(_dbPath, Settings(extra));
        await host.WaitForFirstFetchAsync(Wait);
        return host;
    }

    /// <summary>Sends a message as a user and returns the bot's reply to that chat.</summary>
    private async Task<FakeSentMessage> SayAsync(long chatId, long userId, string text, string chatType = "private")
    {
        var before = _telegram.SentMessages.Count(m => m.ChatId == chatId);
        _telegram.PushUpdate(FakeUpdates.Text(chatId, userId, text, chatType));
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.ChatId == chatId) > before, Wait);
        return _telegram.SentMessages.Where(m => m.ChatId == chatId).Skip(before).First();
    }

    [Fact]
    public async Task A_subscriber_adds_a_filter_and_gets_exactly_one_well_formatted_alert()
    {
        await using var host = await StartAsync();
        Assert.Contains("/add ceasefire", (await SayAsync(Alice, Alice, "/start")).Text);
        Assert.Contains("Added filter 1: ceasefire", (await SayAsync(Alice, Alice, "/add ceasefire")).Text);
        Assert.NotEmpty(_telegram.CallsTo("setMyCommands"));

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Alice && m.Text.Contains(SeedHeadline)), Wait);
        await WaitForQuietAsync(host);

        var alert = Assert.Single(_telegram.SentMessages, m => m.ChatId == Alice && m.Text.Contains(SeedHeadline));
        Assert.Equal("Html", alert.ParseMode, ignoreCase: true);
        Assert.Contains(alert.Entities, e => e.Type == "bold");
        Assert.Contains(alert.Entities, e => e.Type == "text_link" && e.Url!.Contains("almayadeen"));
        Assert.Contains("clear progress in the ceasefire talks", alert.Text);
        Assert.Contains("ceasefire", alert.Text[alert.Text.LastIndexOf('\n')..]);
    }

    [Fact]
    public async Task A_headline_with_markup_characters_arrives_intact()
    {
        await using var host = await StartAsync();
        await SayAsync(Alice, Alice, "/add tariffs");
        const string headline = "Q&A: <b>Why</b> \"tariffs\" & 'trade wars' matter";
        // RSS titles are HTML, so a literal "<b>" reaches us escaped twice in the XML.
        _site.Feed.AddXmlTitle("markup", System.Net.WebUtility.HtmlEncode(System.Net.WebUtility.HtmlEncode(headline).Replace("&#39;", "'").Replace("&quot;", "\"")),
            "<p>Tariffs &amp; trade: an explainer with <i>numbers</i> &lt;3.</p>", DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Alice && m.Text.Contains("tariffs\"")), Wait);
        var alert = _telegram.SentMessages.Last(m => m.ChatId == Alice);
        Assert.StartsWith(headline, alert.Text);
        Assert.Contains("Tariffs & trade: an explainer with numbers <3.", alert.Text);
    }

    [Fact]
    public async Task List_shows_remove_buttons_and_pressing_one_removes_the_filter()
    {
        await using var host = await StartAsync();
        await SayAsync(Alice, Alice, "/add ceasefire");
        await SayAsync(Alice, Alice, "/add \"two-state solution\"");
        var list = await SayAsync(Alice, Alice, "/list");
        Assert.Contains("2. \"two-state solution\"", list.Text);
        Assert.Equal(["/remove 1", "/remove 2"], list.ButtonData);

        _telegram.PushUpdate(FakeUpdates.Callback("cb-1", Alice, Alice, "/remove 1"));
        await _telegram.WaitUntilAsync(t => t.CallsTo("answerCallbackQuery").Count > 0, Wait);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Filters.CountAsync() == 1;
        }, Wait, "the filter is removed");
    }

    [Fact]
    public async Task Admin_commands_are_refused_to_others_and_work_for_admins()
    {
        await using var host = await StartAsync();
        _site.Serve("other.xml", new FeedBuilder().Add("x", "Hello", "<p>World</p>", DateTimeOffset.UtcNow));
        var refusal = await SayAsync(Alice, Alice, $"/addsource {_site.Url("other.xml")}");
        Assert.Contains("only for NewsBot's administrators", refusal.Text);
        var added = await SayAsync(Admin, Admin, $"/addsource {_site.Url("other.xml")} Other");
        Assert.Contains("Added source #2 Other: 1 items", added.Text);
        Assert.Contains("Sources: 2", (await SayAsync(Admin, Admin, "/stats")).Text);
    }

    [Fact]
    public async Task Only_group_admins_change_a_groups_filters()
    {
        await using var host = await StartAsync();
        _telegram.AddChat(GroupId, "group", title: "Newsroom");
        _telegram.SetChatMember(GroupId, Bob, "member");
        _telegram.SetChatMember(GroupId, Alice, "administrator");
        Assert.Contains("Only this group's administrators", (await SayAsync(GroupId, Bob, "/add ceasefire", "group")).Text);
        Assert.Contains("Added filter 1", (await SayAsync(GroupId, Alice, $"/add@{_telegram.BotUsername} ceasefire", "group")).Text);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_deactivated_and_not_tried_again_until_start()
    {
        await using var host = await StartAsync();
        await SayAsync(Alice, Alice, "/add ceasefire");
        _telegram.MakeChatGone(Alice);
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Chats.AnyAsync(c => c.DeactivatedReason != null);
        }, Wait, "the chat is deactivated");
        var attempts = _telegram.CallsTo("sendMessage").Count(c => c.Text("chat_id") == Alice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _site.Feed.Add("more", "Ceasefire holds for a second day", "<p>Calm.</p>", DateTimeOffset.UtcNow);
        await WaitForQuietAsync(host);
        Assert.Equal(attempts, _telegram.CallsTo("sendMessage").Count(c => c.Text("chat_id") == Alice.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_user_in_digest_mode_who_blocked_the_bot_is_deactivated_and_the_digest_not_tried_again()
    {
        await using var host = await StartAsync();
        await SayAsync(Alice, Alice, "/add ceasefire");
        await SayAsync(Alice, Alice, "/digest hourly");
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Alerts.AnyAsync(a => a.HeldFor != null);
        }, Wait, "the alert is held for the digest");
        _telegram.MakeChatGone(Alice);

        // The digest's hour comes (moved by hand rather than waited for): Telegram answers 403.
        await DigestDueNowAsync(host);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Chats.AnyAsync(c => c.ExternalId == Alice.ToString(System.Globalization.CultureInfo.InvariantCulture) && c.DeactivatedReason != null);
        }, Wait, "the chat is deactivated");
        var attempts = _telegram.CallsTo("sendMessage").Count(c => c.Text("chat_id") == Alice.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await DigestDueNowAsync(host);
        await WaitForQuietAsync(host);
        Assert.Equal(attempts, _telegram.CallsTo("sendMessage").Count(c => c.Text("chat_id") == Alice.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_digest_that_fails_on_its_second_part_sends_only_the_rest_when_retried()
    {
        // Three seconds between messages to one chat: time to make the second part fail after the first went out.
        await using var host = await StartAsync(("NewsBot:Telegram:PerChatInterval", "00:00:03"));
        await SayAsync(Alice, Alice, "/add ceasefire");
        await SayAsync(Alice, Alice, "/digest hourly");
        // Forty stories with unrelated words (so none are grouped): more than one 4096-character message.
        var random = new Random(14);
        string Word() => new(Enumerable.Range(0, 9).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var headlines = Enumerable.Range(0, 40).Select(i => $"Ceasefire {Word()} {Word()} {Word()} {Word()} {Word()} {Word()} {Word()} {Word()}").ToList();
        foreach (var (headline, i) in headlines.Select((h, i) => (h, i)))
            _site.Feed.Add($"story-{i}", headline, $"<p>{headline}.</p>", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Alerts.CountAsync(a => a.HeldFor != null) == headlines.Count;
        }, Wait, "the alerts are held for the digest");

        var dispatch = DigestDueNowAsync(host);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Alice && m.Text.Contains("(1/", StringComparison.Ordinal)), Wait);
        _telegram.FailNext("sendMessage", 500, "Internal Server Error");
        await dispatch;

        await DigestDueNowAsync(host);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Alerts.AllAsync(a => a.Status == AlertStatus.Sent);
        }, Wait, "every alert is sent");
        var toAlice = _telegram.SentMessages.Where(m => m.ChatId == Alice).Select(m => m.Text).ToList();
        Assert.All(headlines, h => Assert.Single(toAlice, text => text.Contains(h, StringComparison.Ordinal)));
    }

    private static async Task DigestDueNowAsync(TestHost host)
    {
        await using (var db = host.Db())
            await db.Alerts.Where(a => a.HeldFor != null).ExecuteUpdateAsync(u => u.SetProperty(a => a.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        await host.Services.GetRequiredService<NewsBot.Pipeline.Deliver.AlertDispatcher>().DispatchPendingAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_group_upgraded_to_a_supergroup_moves_with_its_filters_and_gets_the_alert()
    {
        const long Supergroup = -1009000000001;
        await using var host = await StartAsync();
        _telegram.AddChat(GroupId, "group", title: "Newsroom");
        _telegram.SetChatMember(GroupId, Alice, "administrator");
        await SayAsync(GroupId, Alice, "/add ceasefire", "group");
        _telegram.MigrateChat(GroupId, Supergroup);
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Supergroup && m.Text.Contains(SeedHeadline)), Wait);
        await using var db = host.Db();
        var chat = await db.Chats.Include(c => c.Filters).SingleAsync();
        Assert.Equal(Supergroup.ToString(System.Globalization.CultureInfo.InvariantCulture), chat.ExternalId);
        Assert.Single(chat.Filters);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_burst_sends_nothing_twice_and_loses_nothing()
    {
        const int Chats = 60;
        var first = await StartAsync();
        await using (var db = first.Db())
        {
            for (var i = 0; i < Chats; i++)
                db.Chats.Add(new Chat { Platform = "telegram", ExternalId = (5000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = DateTime.UtcNow, Filters = [new ChatFilter { Text = "ceasefire", CreatedAt = DateTime.UtcNow }] });
            await db.SaveChangesAsync();
        }
        await first.DisposeAsync(); // the new filters load at the next start

        var second = await StartAsync();
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.Text.Contains(SeedHeadline)) >= 10, Wait);
        await second.DisposeAsync(); // stopped mid-burst

        await using var third = await StartAsync();
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.Text.Contains(SeedHeadline)) >= Chats, Wait);
        await WaitForQuietAsync(third);
        var perChat = _telegram.SentMessages.Where(m => m.Text.Contains(SeedHeadline)).GroupBy(m => m.ChatId).ToList();
        Assert.Equal(Chats, perChat.Count);
        Assert.All(perChat, g => Assert.Single(g));
        Assert.Equal(0, _telegram.TooManyRequestsCount);
    }

    [Fact]
    public async Task Webhook_mode_refuses_requests_without_the_secret_and_handles_those_with_it()
    {
        await using var host = await StartAsync(
            ("NewsBot:Telegram:Mode", "Webhook"),
            ("NewsBot:Telegram:WebhookUrl", "https://bot.example.org/telegram/updates"),
            ("NewsBot:Telegram:WebhookSecret", "s3cret-token_1"));
        await _telegram.WaitUntilAsync(t => t.CallsTo("setWebhook").Count > 0, Wait);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var update = FakeUpdates.Text(Alice, Alice, "/add ceasefire");
        update["update_id"] = 900;

        var noSecret = await http.PostAsync("/telegram/updates", new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, noSecret.StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/telegram/updates") { Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        wrong.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        await using (var db = host.Db()) Assert.Equal(0, await db.Filters.CountAsync());

        var right = new HttpRequestMessage(HttpMethod.Post, "/telegram/updates") { Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        right.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret-token_1");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.ChatId == Alice && m.Text.Contains("Added filter 1")), Wait);
    }

    private Task WaitForQuietAsync(TestHost host) => host.WaitUntilQuietAsync(_site, Wait);
}
