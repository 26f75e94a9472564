using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Telegram;

/// <summary>
/// Forum topics of a Telegram supergroup as chats of their own: commands typed in a topic set up that topic,
/// its alerts go into it (message_thread_id) and nowhere else, and a closed topic stops with one notice in the group.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TelegramTopicTests : IAsyncLifetime
{
    private const long Group = -1005550000001, Alice = 42, Bob = 77;
    private const string SeedHeadline = "Exclusive: Progress is being made in ceasefire talks, modest however";
    private const string ReutersFeed = "reuters.xml";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-tgtopic-{Guid.NewGuid():N}.db");
    private readonly FeedBuilder _reuters = new();
    private NewsSite _site = null!;
    private FakeBotApiServer _telegram = null!;
    private int _gaza, _markets;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _site.Serve(ReutersFeed, _reuters);
        _telegram = await FakeBotApiServer.StartAsync();
        _telegram.AddChat(Group, "supergroup", title: "Newsroom");
        _telegram.SetChatMember(Group, Alice, "administrator");
        _gaza = _telegram.CreateTopic(Group, "Gaza");
        _markets = _telegram.CreateTopic(Group, "Markets");
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartAsync()
    {
        var settings = new Dictionary<string, string?>(_site.SeedSource(0, "Al Mayadeen"))
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
        };
        foreach (var (key, value) in _site.SeedSource(1, "Reuters", ReutersFeed)) settings[key] = value;
        var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(Wait);
        await _site.WaitForPollsAsync(1, Wait, ReutersFeed);
        return host;
    }

    /// <summary>Types a command in a topic and returns the bot's reply there.</summary>
    private async Task<FakeSentMessage> SayInTopicAsync(int topic, string name, long userId, string text)
    {
        var before = _telegram.SentMessages.Count(m => m.ChatId == Group && m.MessageThreadId == topic);
        _telegram.PushUpdate(FakeUpdates.TopicText(Group, topic, userId, text, name));
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.ChatId == Group && m.MessageThreadId == topic) > before, Wait);
        return _telegram.SentMessages.Where(m => m.ChatId == Group && m.MessageThreadId == topic).Skip(before).First();
    }

    private static string TopicId(int topic) => Group.ToString(CultureInfo.InvariantCulture) + ":" + topic.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_filter_added_in_a_topic_delivers_into_that_topic_only()
    {
        await using var host = await StartAsync();
        Assert.Contains("Only this group's administrators", (await SayInTopicAsync(_gaza, "Gaza", Bob, "/add ceasefire")).Text);
        Assert.Contains("Added filter 1: ceasefire", (await SayInTopicAsync(_gaza, "Gaza", Alice, "/add ceasefire")).Text);
        Assert.Contains("No filters yet", (await SayInTopicAsync(_markets, "Markets", Alice, "/list")).Text);
        Assert.Contains("1. ceasefire", (await SayInTopicAsync(_gaza, "Gaza", Alice, "/list")).Text);

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.Text.Contains(SeedHeadline)), Wait);
        await host.WaitUntilQuietAsync(_site, Wait);

        var alert = Assert.Single(_telegram.SentMessages, m => m.Text.Contains(SeedHeadline));
        Assert.Equal((Group, _gaza), (alert.ChatId, alert.MessageThreadId));
        Assert.DoesNotContain(_telegram.SentMessages, m => m.ChatId == Group && m.MessageThreadId == null);
        await using var db = host.Db();
        var topic = await db.Chats.SingleAsync(c => c.Filters.Count > 0);
        Assert.Equal((TopicId(_gaza), Group.ToString(CultureInfo.InvariantCulture), "Gaza"), (topic.ExternalId, topic.ParentExternalId, topic.Title));
    }

    [Fact]
    public async Task Two_topics_with_source_filters_route_two_feeds_apart()
    {
        await using var host = await StartAsync();
        Assert.Contains("Added filter 1", (await SayInTopicAsync(_gaza, "Gaza", Alice, "/add source:\"Al Mayadeen\"")).Text);
        Assert.Contains("Added filter 1", (await SayInTopicAsync(_markets, "Markets", Alice, "/add source:reuters")).Text);

        _site.Feed.Add("m1", "Strikes hit the north overnight", "<p>Reports from the ground.</p>", DateTimeOffset.UtcNow);
        _reuters.Add("r1", "Oil prices climb as supply tightens", "<p>Brent rose.</p>", DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.Text.Contains("Strikes hit")) && t.SentMessages.Any(m => m.Text.Contains("Oil prices")), Wait);
        await host.WaitUntilQuietAsync(_site, Wait);

        Assert.Equal(_gaza, Assert.Single(_telegram.SentMessages, m => m.Text.Contains("Strikes hit")).MessageThreadId);
        Assert.Equal(_markets, Assert.Single(_telegram.SentMessages, m => m.Text.Contains("Oil prices")).MessageThreadId);
    }

    [Fact]
    public async Task A_button_pressed_in_a_topic_acts_on_that_topic()
    {
        await using var host = await StartAsync();
        await SayInTopicAsync(_gaza, "Gaza", Alice, "/add ceasefire");
        await SayInTopicAsync(_markets, "Markets", Alice, "/add tariffs");
        Assert.Equal(["/remove 1"], (await SayInTopicAsync(_gaza, "Gaza", Alice, "/list")).ButtonData);

        _telegram.PushUpdate(FakeUpdates.TopicCallback("cb-topic", Group, _gaza, Alice, "/remove 1"));
        await _telegram.WaitUntilAsync(t => t.SentMessages.Any(m => m.MessageThreadId == _gaza && m.Text.Contains("Removed")), Wait);
        await using var db = host.Db();
        var left = await db.Filters.Include(f => f.Chat).SingleAsync();
        Assert.Equal(("tariffs", TopicId(_markets)), (left.Text, left.Chat!.ExternalId));
    }

    [Fact]
    public async Task A_closed_topic_stops_with_one_notice_in_the_group_keeps_its_filters_and_comes_back_with_start()
    {
        await using var host = await StartAsync();
        await SayInTopicAsync(_gaza, "Gaza", Alice, "/add ceasefire");
        await SayInTopicAsync(_gaza, "Gaza", Alice, "/add truce");
        _telegram.CloseTopic(Group, _gaza);

        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        _site.Feed.Add("t2", "Truce holds for a second day", "<p>Calm.</p>", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Chats.AnyAsync(c => c.DeactivatedReason != null);
        }, Wait, "the topic is deactivated");
        _site.Feed.Add("t3", "Ceasefire talks resume in Cairo", "<p>Talks.</p>", DateTimeOffset.UtcNow);
        await _site.WaitForPollsAsync(2, Wait);
        // The notice loop runs every minute; run its round now instead of waiting for it.
        await host.Services.GetRequiredService<NewsBot.Pipeline.Deliver.Notices.SourceNoticeSender>().SendPendingAsync(CancellationToken.None);

        var notice = Assert.Single(_telegram.SentMessages, m => m.ChatId == Group && m.MessageThreadId == null);
        Assert.StartsWith("Alerts for topic 'Gaza' stopped: the topic was closed", notice.Text);
        Assert.Contains("Its 2 filters are kept; reopen it and send /resume there, or /remove them there.", notice.Text);
        var tries = _telegram.CallsTo("sendMessage").Count(c => c.Text("message_thread_id") == _gaza.ToString(CultureInfo.InvariantCulture) && c.Status == 400);
        Assert.Equal(1, tries); // the first refused alert ends the topic; the others wait for it
        await using (var db = host.Db()) Assert.Equal(2, await db.Filters.CountAsync());

        _telegram.ReopenTopic(Group, _gaza);
        Assert.Contains("Welcome back", (await SayInTopicAsync(_gaza, "Gaza", Alice, "/start")).Text);
        _site.Feed.Add("t4", "Ceasefire extended by a week", "<p>Talks.</p>", DateTimeOffset.UtcNow);
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => m.MessageThreadId == _gaza && m.Text.Contains("Ceasefire extended")) == 1, Wait);
    }
}
