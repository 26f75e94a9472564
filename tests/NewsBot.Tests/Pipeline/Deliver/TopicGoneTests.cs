using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Alerts;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Deliver;

/// <summary>A forum topic or thread that is closed or deleted: the chat it belongs to hears it once per going.</summary>
public sealed class TopicGoneTests
{
    private const string Closed = "the topic was closed (Bad Request: TOPIC_CLOSED)";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    private static async Task<Chat> AddTopicAsync(OutboxHarness outbox, string platform, string externalId, string parent, string title, params string[] filters)
    {
        var topic = await outbox.AddChatAsync(platform, externalId);
        await using var db = outbox.Database.Open();
        var row = await db.Chats.SingleAsync(c => c.Id == topic.Id);
        row.ParentExternalId = parent;
        row.Title = title;
        foreach (var filter in filters) db.Filters.Add(new ChatFilter { ChatId = row.Id, Text = filter, CreatedAt = outbox.Now });
        await db.SaveChangesAsync();
        return row;
    }

    private static async Task<List<SourceNotice>> NoticesAsync(OutboxHarness outbox)
    {
        await using var db = outbox.Database.Open();
        return await db.SourceNotices.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task A_closed_topic_tells_its_group_once_however_many_alerts_were_waiting()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (chat, _) => chat == "-100:7" ? new SendOutcome.ChatGone(Closed) : null };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var group = await outbox.AddChatAsync(platform.Name, "-100");
        var topic = await AddTopicAsync(outbox, platform.Name, "-100:7", "-100", "Gaza", "ceasefire", "truce", "hostages");
        await outbox.AddAlertAsync(topic, "Ceasefire talks open");
        await outbox.AddAlertAsync(topic, "Truce holds");

        await outbox.DispatchAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        await outbox.DispatchAsync();
        await outbox.SendNoticesAsync();

        var notice = Assert.Single(await NoticesAsync(outbox));
        Assert.Equal((SourceNoticeKind.TopicGone, "-100", group.Id, AlertStatus.Sent), (notice.Kind, notice.Target, notice.ChatId, notice.Status));
        Assert.Equal("Alerts for topic 'Gaza' stopped: " + Closed + ". Its 3 filters are kept; reopen it and send /resume there, or /remove them there.",
            Assert.Single(platform.Attempts, a => a.ChatId == "-100").Text);
        Assert.Single(platform.Attempts, a => a.ChatId == "-100:7");
        await using var db = database.Open();
        Assert.Equal(3, await db.Filters.CountAsync(f => f.ChatId == topic.Id));
    }

    [Fact]
    public async Task A_topic_that_comes_back_and_goes_again_tells_its_group_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (chat, _) => chat == "-100:7" ? new SendOutcome.ChatGone(Closed) : null };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var topic = await AddTopicAsync(outbox, platform.Name, "-100:7", "-100", "Gaza", "ceasefire");
        await outbox.AddAlertAsync(topic, "Ceasefire talks open");
        await outbox.DispatchAsync();

        await using (var db = database.Open())
            await db.Chats.Where(c => c.Id == topic.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.DeactivatedReason, (string?)null)); // /start
        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.DispatchAsync();

        var notices = await NoticesAsync(outbox);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(("-100", (long?)null), (n.Target, n.ChatId))); // the group itself has no chat row
        Assert.Contains("Its filter is kept", notices[0].Text);
    }

    [Fact]
    public async Task An_ordinary_chat_that_goes_and_a_topic_whose_group_is_gone_too_queue_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var platform = new ScriptedPlatform { Answer = (_, _) => new SendOutcome.ChatGone("Forbidden: bot was kicked from the supergroup chat") };
        await using var outbox = new OutboxHarness(database, _time, platform);
        var chat = await outbox.AddChatAsync(platform.Name, "-200");
        var group = await outbox.AddChatAsync(platform.Name, "-100");
        var topic = await AddTopicAsync(outbox, platform.Name, "-100:7", "-100", "Gaza", "ceasefire");
        await outbox.AddAlertAsync(chat, "Ceasefire talks open");
        await outbox.AddAlertAsync(group, "Ceasefire talks open again");
        await outbox.DispatchAsync();
        await outbox.AddAlertAsync(topic, "Truce holds");
        await outbox.DispatchAsync();

        Assert.Empty(await NoticesAsync(outbox));
    }
}
