using NewsBot.Core.Alerts;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests.Topics;

/// <summary>Forum topics in the Telegram adapter: commands in a topic act on it, and everything sent to a topic goes into it.</summary>
public class ForumTopicTests
{
    private const long Group = -1001234;
    private static readonly AlertContent Alert = new("Ceasefire talks resume", "Negotiators met in Cairo.", "Example News",
        new DateTimeOffset(2026, 11, 29, 14, 5, 0, TimeSpan.Zero), "https://news.example/a", ["ceasefire"]);

    private static async Task<FakeSentMessage> PollUntilReplyAsync(TelegramHarness t, System.Text.Json.Nodes.JsonObject update)
    {
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);
        try
        {
            var before = t.Server.SentMessages.Count;
            t.Server.PushUpdate(update);
            await t.Server.WaitUntilAsync(s => s.SentMessages.Count > before);
            return t.Server.SentMessages[^1];
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }

    [Fact]
    public async Task A_command_in_a_topic_acts_on_the_topic_with_the_groups_admin_rights_and_is_answered_there()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        t.Server.SetChatMember(Group, 5, "administrator");
        var thread = t.Server.CreateTopic(Group, "Gaza");

        var reply = await PollUntilReplyAsync(t, FakeUpdates.TopicText(Group, thread, 5, "/add ceasefire", "Gaza"));

        var (ctx, _) = Assert.Single(executor.Executed);
        Assert.Equal($"{Group}:{thread}", ctx.ChatId);
        Assert.Equal(Group.ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.ParentChatId);
        Assert.Equal("Gaza", ctx.ChatTitle);
        Assert.True(ctx.IsChatAdmin);
        Assert.Equal((Group, thread), (reply.ChatId, reply.MessageThreadId));
        Assert.Equal(Group, long.Parse(Assert.Single(t.Server.CallsTo("getChatMember")).Text("chat_id")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_topic_whose_name_the_update_does_not_carry_is_called_by_its_number()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        var thread = t.Server.CreateTopic(Group, "Gaza");
        await PollUntilReplyAsync(t, FakeUpdates.TopicText(Group, thread, 5, "/list", topicName: null));
        Assert.Equal($"topic {thread}", Assert.Single(executor.Executed).Context.ChatTitle);
    }

    [Fact]
    public async Task A_reply_thread_in_an_ordinary_group_is_not_a_topic()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        var update = FakeUpdates.Text(Group, 5, "/list", "supergroup");
        update["message"]!["message_thread_id"] = 4321; // Bot API: replies carry message_thread_id in any supergroup

        var reply = await PollUntilReplyAsync(t, update);

        var (ctx, _) = Assert.Single(executor.Executed);
        Assert.Equal((Group.ToString(System.Globalization.CultureInfo.InvariantCulture), null), (ctx.ChatId, ctx.ParentChatId));
        Assert.Null(reply.MessageThreadId);
    }

    [Fact]
    public async Task A_button_under_a_message_in_a_topic_acts_on_that_topic()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        t.Server.SetChatMember(Group, 5, "administrator");
        var thread = t.Server.CreateTopic(Group, "Gaza");
        var reply = await PollUntilReplyAsync(t, FakeUpdates.TopicCallback("cb1", Group, thread, 5, "/remove 1"));
        Assert.Equal($"{Group}:{thread}", Assert.Single(executor.Executed).Context.ChatId);
        Assert.Equal(thread, reply.MessageThreadId);
    }

    [Fact]
    public async Task Alerts_and_texts_for_a_topic_go_into_the_topic_and_edits_find_them()
    {
        await using var t = await TelegramHarness.StartAsync();
        var thread = t.Server.CreateTopic(Group, "Gaza");
        var topic = $"{Group}:{thread}";

        var sent = Assert.IsType<SendOutcome.Sent>(await t.Sender.SendAsync(topic, Alert, default));
        Assert.IsType<SendOutcome.Sent>(await t.Sender.SendTextAsync(topic, "Digest: 3 stories", default));
        Assert.IsType<SendOutcome.Sent>(await t.Sender.UpdateAsync(topic, sent.MessageId, Alert with { AlsoReportedBy = ["Reuters"] }, default));

        Assert.All(t.Server.SentMessages, m => Assert.Equal((Group, thread), (m.ChatId, m.MessageThreadId)));
        Assert.Equal(1, t.Server.SentMessages[0].Edits);
    }

    [Fact]
    public async Task Mentions_for_a_topic_go_into_the_topic_and_membership_is_the_groups()
    {
        await using var t = await TelegramHarness.StartAsync();
        var thread = t.Server.CreateTopic(Group, "Gaza");
        var topic = $"{Group}:{thread}";
        t.Server.SetChatMember(Group, 7, "left");
        t.Server.SetChatMember(Group, 8, "member");

        var mention = new MentionMessage("Ceasefire holds", "https://example.org/a", [new MentionedMember("8", "Dana")]);
        Assert.IsType<SendOutcome.Sent>(await t.Sender.SendMentionsAsync(topic, mention, default));

        var sent = Assert.Single(t.Server.SentMessages);
        Assert.Equal((Group, thread), (sent.ChatId, sent.MessageThreadId));
        Assert.False(await t.Sender.IsMemberAsync(topic, "7", default));
        Assert.True(await t.Sender.IsMemberAsync(topic, "8", default));
    }

    [Theory]
    [InlineData(false, "the topic was closed (Bad Request: TOPIC_CLOSED)")]
    [InlineData(true, "the topic was deleted (Bad Request: message thread not found)")]
    public async Task A_closed_or_deleted_topic_is_a_chat_gone_in_words_people_understand(bool deleted, string reason)
    {
        await using var t = await TelegramHarness.StartAsync();
        var thread = t.Server.CreateTopic(Group, "Gaza");
        if (deleted) t.Server.DeleteTopic(Group, thread);
        else t.Server.CloseTopic(Group, thread);

        var gone = Assert.IsType<SendOutcome.ChatGone>(await t.Sender.SendAsync($"{Group}:{thread}", Alert, default));
        Assert.Equal(reason, gone.Reason);
        Assert.IsType<SendOutcome.Sent>(await t.Sender.SendAsync(Group.ToString(System.Globalization.CultureInfo.InvariantCulture), Alert, default));
    }

    [Theory]
    [InlineData("-1001234", -1001234L, null)]
    [InlineData("-1001234:77", -1001234L, 77)]
    [InlineData("42", 42L, null)]
    public void A_chat_address_reads_back_what_it_wrote(string text, long chat, int? thread)
    {
        Assert.True(TelegramChatAddress.TryParse(text, out var address));
        Assert.Equal(new TelegramChatAddress(chat, thread), address);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-100:1")] // the General topic is the group itself
    [InlineData("-100:0")]
    [InlineData("-100:-5")]
    [InlineData("-100:5:6")]
    [InlineData("@channel")]
    [InlineData("-100:99999999999")]
    public void Anything_else_is_not_a_chat_address(string text) => Assert.False(TelegramChatAddress.TryParse(text, out _));
}
