using System.Text.Json;
using NewsBot.Core.Alerts;
using NewsBot.Core.Commands;
using NewsBot.Discord.Interactions;
using NewsBot.Discord.Sending;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>Threads and forum posts as chats of their own (resources/channel.mdx, topics/threads.mdx).</summary>
public sealed class ThreadTests(ITestOutputHelper output)
{
    private static readonly AlertContent Alert = new("Headline", "Summary.", "Wire", null, "https://news.example/a", []);

    private static DiscordInteraction Parse(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine("testdata", "interactions", file)));
        return InteractionParser.Parse(doc.RootElement);
    }

    private static async Task<CommandContext> ContextOf(DiscordInteraction interaction)
    {
        var executor = new CapturingExecutor();
        await new DiscordCommandBridge(executor, new DiscordOptions { BotToken = "x" }).HandleAsync(interaction, CancellationToken.None);
        return Assert.Single(executor.Contexts);
    }

    [Fact]
    public async Task A_command_in_a_forum_post_acts_on_the_post_and_remembers_its_forum()
    {
        var interaction = Parse("forum-post-news-add.json");
        Assert.True(interaction.IsThread);
        var ctx = await ContextOf(interaction);
        Assert.Equal(("1700000000000000005", "1300000000000000002", "Gaza"), (ctx.ChatId, ctx.ParentChatId, ctx.ChatTitle));
    }

    [Fact]
    public async Task A_channel_in_a_category_is_not_a_thread_of_the_category()
    {
        var interaction = Parse("channel-in-category-news-add.json");
        Assert.False(interaction.IsThread);
        var ctx = await ContextOf(interaction);
        Assert.Equal(("1300000000000000001", null, null), (ctx.ChatId, ctx.ParentChatId, ctx.ChatTitle));
    }

    [Theory]
    [InlineData(404, 10003, "Unknown Channel", "the channel or thread was deleted")]
    [InlineData(400, 50083, "Thread is archived", "the thread was closed (archived and locked)")]
    public async Task A_deleted_or_locked_thread_is_gone_in_words_people_understand(int status, int code, string message, string words)
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.Server.FailChannel("1700000000000000005", status, code, message);
        var gone = Assert.IsType<SendOutcome.ChatGone>(await new DiscordAlertSender(rig.Rest).SendAsync("1700000000000000005", Alert, CancellationToken.None));
        Assert.Contains(words, gone.Reason);
    }

    [Fact]
    public async Task An_archived_thread_that_is_not_locked_takes_the_alert_and_is_open_again()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        var thread = rig.Server.CreateThread("1300000000000000001", "Markets");
        rig.Server.ArchiveThread(thread, locked: false);
        Assert.IsType<SendOutcome.Sent>(await new DiscordAlertSender(rig.Rest).SendAsync(thread, Alert, CancellationToken.None));
        Assert.False(rig.Server.Thread(thread)!.Archived);
    }

    [Fact]
    public void Notices_name_discords_commands() =>
        Assert.Equal("/news resume", new DiscordAlertSender(null!).CommandNaming.Mention(CommandMention.Of("resume")));

    private sealed class CapturingExecutor : ICommandExecutor
    {
        public List<CommandContext> Contexts { get; } = [];

        public Task<CommandReply> ExecuteAsync(CommandContext ctx, ChatCommand cmd, CancellationToken ct)
        {
            Contexts.Add(ctx);
            return Task.FromResult(new CommandReply("ok"));
        }
    }
}
