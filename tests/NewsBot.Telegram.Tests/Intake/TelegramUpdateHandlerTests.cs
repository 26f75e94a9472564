using NewsBot.Core.Commands;
using NewsBot.TestKit.Telegram;

namespace NewsBot.Telegram.Tests.Intake;

/// <summary>Users talking to the bot: updates in through real polling, replies out through the fake server.</summary>
public class TelegramUpdateHandlerTests
{
    private const long Group = -1001234;

    private static async Task<T> Polling<T>(TelegramHarness t, Func<Task<T>> body)
    {
        using var stop = new CancellationTokenSource();
        var loop = t.Polling.RunAsync(stop.Token);
        try
        {
            return await body();
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }

    private static Task<FakeSentMessage> Say(TelegramHarness t, long chat, long user, string text, string chatType = "private", long? senderChat = null) =>
        Polling(t, async () =>
        {
            var before = t.Server.SentMessages.Count;
            t.Server.PushUpdate(FakeUpdates.Text(chat, user, text, chatType, senderChat));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Count > before);
            return t.Server.SentMessages[^1];
        });

    [Fact]
    public async Task Add_in_a_private_chat_reaches_the_executor_and_the_reply_comes_back()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        var reply = await Say(t, 42, 42, "/add@NewsBotTestBot ceasefire gaza");

        var (ctx, cmd) = Assert.Single(executor.Executed);
        Assert.Equal(new ChatCommand.Add("ceasefire gaza"), cmd);
        Assert.Equal(new CommandContext("telegram", "42", ChatKind.Private, "42", false, true), ctx with { UserName = null, ChatTitle = null, PrivateChatId = null });
        Assert.Equal("42", ctx.PrivateChatId); // Bot API: a user's private chat with the bot has the user's id
        Assert.Equal(42, reply.ChatId);
        Assert.Equal("ok: /add", reply.Text);
        Assert.Null(reply.ParseMode); // replies are plain text: nothing users typed is read as markup
    }

    [Fact]
    public async Task Help_is_answered_without_the_executor_and_commands_for_other_bots_are_ignored()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        var help = await Polling(t, async () =>
        {
            t.Server.PushUpdate(FakeUpdates.Text(Group, 5, "/help@OtherBot", "supergroup"));
            t.Server.PushUpdate(FakeUpdates.Text(Group, 5, "just chatting", "supergroup"));
            t.Server.PushUpdate(FakeUpdates.Text(Group, 5, "/help@NewsBotTestBot", "supergroup"));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Count >= 1 && s.PendingUpdates == 0);
            return t.Server.SentMessages;
        });
        Assert.Contains("/add (ceasefire OR truce) gaza", Assert.Single(help).Text);
        Assert.Contains("only its administrators can change the filters", help[0].Text);
        Assert.Empty(executor.Executed);
    }

    [Fact]
    public async Task Help_on_telegram_lists_the_coverage_term()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);

        var help = await Say(t, 42, 42, "/help");

        Assert.Contains("\n/add ceasefire outlets:3 - only when 3 different outlets report the same story; the alert names them all\n", help.Text);
    }

    [Fact]
    public async Task Plain_text_in_a_private_chat_gets_a_pointer_to_help()
    {
        await using var t = await TelegramHarness.StartAsync();
        Assert.Contains("Send /help", (await Say(t, 42, 42, "hello?")).Text);
    }

    [Fact]
    public async Task Group_members_who_are_not_admins_cannot_change_the_groups_filters()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        var reply = await Say(t, Group, 5, "/add ceasefire", "supergroup");
        Assert.Contains("Only this group's administrators can use /add here. Nothing was changed.", reply.Text);
        Assert.Empty(executor.Executed);
        Assert.Single(t.Server.CallsTo("getChatMember"));
    }

    [Fact]
    public async Task Group_admins_are_checked_once_and_then_remembered()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        t.Server.SetChatMember(Group, 5, "administrator");
        await Say(t, Group, 5, "/add ceasefire", "supergroup");
        await Say(t, Group, 5, "/remove 1", "supergroup");
        Assert.All(executor.Executed, e => Assert.True(e.Context.IsChatAdmin));
        Assert.Equal(2, executor.Executed.Count);
        Assert.Single(t.Server.CallsTo("getChatMember"));
    }

    [Fact]
    public async Task Anonymous_group_admins_are_recognised_by_sender_chat()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        await Say(t, Group, 0, "/pause", "supergroup", senderChat: Group);
        Assert.True(Assert.Single(executor.Executed).Context.IsChatAdmin);
        Assert.Empty(t.Server.CallsTo("getChatMember"));
    }

    [Fact]
    public async Task Admin_commands_are_refused_for_others_and_run_for_configured_admins()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        Assert.Contains("only for NewsBot's administrators", (await Say(t, 42, 42, "/addsource https://example.com/rss.xml")).Text);
        Assert.Empty(executor.Executed);
        var admin = TelegramHarness.AdminUserId;
        Assert.Equal("ok: /addsource", (await Say(t, admin, admin, "/addsource https://example.com/rss.xml Example")).Text);
        Assert.True(Assert.Single(executor.Executed).Context.IsBotAdmin);
    }

    [Fact]
    public async Task List_buttons_remove_a_filter_and_every_press_is_answered()
    {
        var executor = new RecordingExecutor
        {
            Reply = (_, cmd) => cmd is ChatCommand.List
                ? CommandReply.WithButtonColumn(ReplyText.Plain("1. ceasefire\n2. election"), [ReplyButton.RemoveFilter(1), ReplyButton.RemoveFilter(2)])
                : new CommandReply($"ok: /{cmd.Name}"),
        };
        await using var t = await TelegramHarness.StartAsync(executor);
        var list = await Say(t, 42, 42, "/list");
        Assert.Equal(["/remove 1", "/remove 2"], list.ButtonData);

        await Polling(t, async () =>
        {
            t.Server.PushUpdate(FakeUpdates.Callback("cb-1", 42, 42, list.ButtonData[1]));
            t.Server.PushUpdate(FakeUpdates.Callback("cb-2", 42, 42, "stale-garbage"));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Count == 2 && s.CallsTo("answerCallbackQuery").Count == 2 && s.PendingUpdates == 0);
            return 0;
        });
        Assert.Equal(["cb-1", "cb-2"], t.Server.CallsTo("answerCallbackQuery").Select(c => c.Text("callback_query_id")));
        Assert.Equal(new ChatCommand.Remove(2), executor.Executed.Last().Command);
        Assert.Equal("ok: /remove", t.Server.SentMessages[^1].Text);
    }

    [Fact]
    public async Task Alert_buttons_are_answered_where_they_were_pressed()
    {
        var executor = new RecordingExecutor
        {
            Reply = (_, cmd) => cmd is ChatCommand.Pause ? new CommandReply("Paused for 1 h. " + new string('x', 200)) : new CommandReply($"ok: /{cmd.Name}"),
        };
        await using var t = await TelegramHarness.StartAsync(executor);

        await Polling(t, async () =>
        {
            t.Server.PushUpdate(FakeUpdates.Callback("mute", 42, 42, "/mutestory 9"));
            t.Server.PushUpdate(FakeUpdates.Callback("why", 42, 42, "/why 9"));
            t.Server.PushUpdate(FakeUpdates.Callback("pause", 42, 42, "/pause 1h"));
            await t.Server.WaitUntilAsync(s => s.CallsTo("answerCallbackQuery").Count == 3 && s.SentMessages.Count == 1 && s.PendingUpdates == 0);
            return 0;
        });

        var answers = t.Server.CallsTo("answerCallbackQuery").ToDictionary(c => c.Text("callback_query_id")!);
        Assert.All(answers.Values, a => Assert.Equal(200, a.Status));
        Assert.Equal(("ok: /mutestory", null), (answers["mute"].Text("text"), answers["mute"].Text("show_alert")));
        Assert.Equal(("ok: /why", "true"), (answers["why"].Text("text"), answers["why"].Text("show_alert")?.ToLowerInvariant()));
        // Over 200 characters a toast cannot hold it: the press is answered silently and the reply comes as a message.
        Assert.Null(answers["pause"].Text("text"));
        Assert.StartsWith("Paused for 1 h.", Assert.Single(t.Server.SentMessages).Text);
        Assert.Equal([new ChatCommand.MuteStory(9), new ChatCommand.Why(9), new ChatCommand.Pause(TimeSpan.FromHours(1))],
            executor.Executed.Select(e => e.Command).OrderBy(c => c.Name == "mutestory" ? 0 : c.Name == "why" ? 1 : 2));
    }

    [Fact]
    public async Task Connect_checks_that_both_the_user_and_the_bot_administer_the_channel()
    {
        var executor = new RecordingExecutor();
        await using var t = await TelegramHarness.StartAsync(executor);
        t.Server.AddChat(-100777, "channel", "mynews", "My News");
        t.Server.SetChatMember(-100777, 42, "creator");
        Assert.Contains("I am not an administrator of @mynews", (await Say(t, 42, 42, "/connect @mynews")).Text);
        Assert.Empty(executor.Executed);

        t.Server.SetChatMember(-100777, t.Server.BotId, "administrator");
        await using var fresh = await TelegramHarness.StartAsync(executor); // a fresh admin cache
        fresh.Server.AddChat(-100777, "channel", "mynews", "My News");
        fresh.Server.SetChatMember(-100777, 42, "creator");
        fresh.Server.SetChatMember(-100777, fresh.Server.BotId, "administrator");
        Assert.Equal("ok: /connect", (await Say(fresh, 42, 42, "/connect @mynews")).Text);
        var target = Assert.Single(executor.Executed).Context.Target;
        Assert.Equal(new ChannelTarget("-100777", "@mynews", "My News", true, true), target);
        Assert.Contains("can't find @nosuch", (await Say(fresh, 42, 42, "/list @nosuch")).Text);
        Assert.Single(executor.Executed); // nothing ran twice across the two polling runs
    }

    [Fact]
    public async Task Long_replies_arrive_as_several_messages_with_the_buttons_on_the_last()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"{i}. " + new string('x', 180)));
        var executor = new RecordingExecutor { Reply = (_, _) => CommandReply.WithButtonColumn(ReplyText.Plain(lines), [ReplyButton.RemoveFilter(1)]) };
        await using var t = await TelegramHarness.StartAsync(executor);
        await Polling(t, async () =>
        {
            t.Server.PushUpdate(FakeUpdates.Text(42, 42, "/list"));
            await t.Server.WaitUntilAsync(s => s.SentMessages.Count == 3);
            return 0;
        });
        var sent = t.Server.SentMessages;
        Assert.Equal(lines, string.Join('\n', sent.Select(m => m.Text)));
        Assert.Empty(sent[0].ButtonData);
        Assert.Equal(["/remove 1"], sent[^1].ButtonData);
    }
}
