using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Match;
using NewsBot.Storage.Entities;
using NewsBot.TestKit.Telegram;

namespace NewsBot.IntegrationTests.Telegram;

/// <summary>
/// The burst figure of issue 18: one article matching 500 members' personal filters in one group, on the fake
/// Bot API server with Telegram's flood limits enforced (≈30 messages/s per bot, 1/s per chat, 20/min per group,
/// 429 + retry_after beyond). 300 members are reachable privately, 100 blocked the bot, 100 have no private chat:
/// every DM arrives once, the 200 others are mentioned in ⌈200/5⌉ group messages, nothing is lost. Prints its figures.
/// The 40 group messages take two minutes of wall time at 20 a minute, so CI runs it with 300 reachable and 20
/// unreachable members (4 group messages); <c>NEWSBOT_BURST_UNREACHABLE=200</c> runs the full figure.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PersonalAlertBurstTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long GroupId = -1009000000500, FirstMember = 20_000;
    private const int Reachable = 300;
    private static readonly int Unreachable = int.TryParse(Environment.GetEnvironmentVariable("NEWSBOT_BURST_UNREACHABLE"), CultureInfo.InvariantCulture, out var n) && n is >= 2 and <= 1000 ? n : 20;
    private static readonly int Blocked = Unreachable / 2, NoPrivateChat = Unreachable - Blocked, Members = Reachable + Blocked + NoPrivateChat;
    private const string SeedHeadline = "Exclusive: Progress is being made in ceasefire talks, modest however";

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-burst-{Guid.NewGuid():N}.db");
    private NewsSite _site = null!;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", DateTimeOffset.UtcNow.AddDays(-1));
        _telegram = await FakeBotApiServer.StartAsync();
        _telegram.AddChat(GroupId, "supergroup", title: "Big newsroom");
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Hundreds_of_members_matching_one_article_get_every_dm_within_the_flood_limits_and_the_rest_one_mention_each()
    {
        var settings = new Dictionary<string, string?>(_site.SeedSource())
        {
            ["NewsBot:Telegram:BotToken"] = _telegram.Token,
            ["NewsBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["NewsBot:Telegram:PollTimeoutSeconds"] = "1",
        };
        await using var host = await TestHost.StartAsync(_dbPath, settings);
        await host.WaitForFirstFetchAsync(TimeSpan.FromSeconds(30));
        await FollowAsync(host);

        var started = Stopwatch.GetTimestamp();
        _site.Feed.AddSeedArticle(DateTimeOffset.UtcNow);
        var members = Enumerable.Range(0, Members).Select(i => FirstMember + i).ToList();
        var dms = members.Take(Reachable).ToHashSet();
        await _telegram.WaitUntilAsync(t => t.SentMessages.Count(m => dms.Contains(m.ChatId)) == Reachable, TimeSpan.FromMinutes(2));
        var dmsDone = Stopwatch.GetElapsedTime(started);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.MemberMentions.CountAsync(m => m.Status == AlertStatus.Sent) == Blocked + NoPrivateChat;
        }, TimeSpan.FromMinutes(4), "every unreachable member is mentioned");
        var allDone = Stopwatch.GetElapsedTime(started);

        var sent = _telegram.SentMessages;
        var toMembers = sent.Where(m => dms.Contains(m.ChatId)).ToList();
        Assert.Equal(Reachable, toMembers.Select(m => m.ChatId).Distinct().Count()); // each once
        Assert.Equal(Reachable, toMembers.Count);
        var mentionMessages = sent.Where(m => m.ChatId == GroupId).ToList();
        var mentioned = mentionMessages.SelectMany(m => m.Entities.Where(e => e.Type == "text_mention")).Select(e => e.Url!).ToList();
        Assert.Equal((Blocked + NoPrivateChat + 4) / 5, mentionMessages.Count);
        Assert.All(mentionMessages, m => Assert.InRange(m.Entities.Count(e => e.Type == "text_mention"), 1, 5));
        Assert.Equal(members.Skip(Reachable).Select(id => $"tg://user?id={id}").Order(), mentioned.Order());
        await using (var db = host.Db())
            Assert.False(await db.Alerts.AnyAsync(a => a.Status == AlertStatus.Pending)); // nothing left behind

        var dmSpan = toMembers.Max(m => m.At) - toMembers.Min(m => m.At);
        output.WriteLine($"burst: {Members} personal filters in one group ({Reachable} reachable, {Blocked} blocked the bot, {NoPrivateChat} no private chat)");
        output.WriteLine($"  DMs: {Reachable} in {dmSpan.TotalSeconds:F1} s ({Reachable / Math.Max(dmSpan.TotalSeconds, 0.001):F1}/s); all DMs {dmsDone.TotalSeconds:F1} s after the article was published");
        output.WriteLine($"  mentions: {mentioned.Count} members in {mentionMessages.Count} group messages; all done {allDone.TotalSeconds:F1} s after publishing");
        output.WriteLine($"  sendMessage calls: {_telegram.CallsTo("sendMessage").Count}, 403s: {_telegram.CallsTo("sendMessage").Count(c => c.Status == 403)}, 429s: {_telegram.TooManyRequestsCount}");
    }

    /// <summary>The members follow "ceasefire" in the group (stored as /follow stores them, and put in the live index).</summary>
    private async Task FollowAsync(TestHost host)
    {
        await using var db = host.Db();
        var now = DateTime.UtcNow;
        var group = new Chat { Platform = "telegram", ExternalId = Id(GroupId), Title = "Big newsroom", CreatedAt = now };
        db.Chats.Add(group);
        var privateChats = Enumerable.Range(0, Reachable + Blocked)
            .Select(i => new Chat { Platform = "telegram", ExternalId = Id(FirstMember + i), CreatedAt = now }).ToList();
        db.Chats.AddRange(privateChats);
        await db.SaveChangesAsync();
        var filters = Enumerable.Range(0, Members).Select(i => new ChatFilter
        {
            ChatId = group.Id, Text = "ceasefire", CreatedAt = now, AddedBy = "telegram:" + Id(FirstMember + i),
            OwnerUserId = Id(FirstMember + i), OwnerName = "Member " + i, PersonalChatId = i < privateChats.Count ? privateChats[i].Id : null,
        }).ToList();
        db.Filters.AddRange(filters);
        await db.SaveChangesAsync();
        var index = host.Services.GetRequiredService<FilterIndexHolder>();
        foreach (var f in filters) index.Add(f.Id, f.ChatId, f.Text, new PersonalRoute(f.ChatId, f.OwnerUserId!, f.OwnerName, f.PersonalChatId));
        foreach (var chat in privateChats.Skip(Reachable)) _telegram.MakeChatGone(long.Parse(chat.ExternalId, CultureInfo.InvariantCulture));
    }
}
