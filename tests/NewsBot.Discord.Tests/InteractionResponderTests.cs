using Microsoft.Extensions.Time.Testing;
using NewsBot.Discord.Interactions;
using NewsBot.Discord.Rest;
using NewsBot.TestKit.Discord;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>Answering slash commands within Discord's 3-second deadline (interactions/receiving-and-responding.mdx).</summary>
public sealed class InteractionResponderTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Quick_reply_is_sent_at_once_as_an_ephemeral_message()
    {
        DiscordInteraction? seen = null;
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway((interaction, _) =>
        {
            seen = interaction;
            return Task.FromResult(new DiscordReply("Added filter 1: climate"));
        });
        await rig.ReadyAsync();

        var pushed = await rig.Server.Gateway.PushInteractionAsync(new FakeInteraction("news", "add", new Dictionary<string, object> { ["filter"] = "climate" })
        {
            Permissions = "16",
        });

        var callback = await pushed.Callback.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        Assert.Equal("Added filter 1: climate", callback.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(64, callback.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(0, callback.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.True(pushed.AnsweredAfter < TimeSpan.FromSeconds(3));
        Assert.Equal("climate", seen!.Option("filter"));
        Assert.True(seen.CanManageChannel);
    }

    [Fact]
    public async Task A_button_press_is_answered_at_once_with_an_ephemeral_message()
    {
        DiscordInteraction? seen = null;
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway((interaction, _) =>
        {
            seen = interaction;
            return Task.FromResult(new DiscordReply("Story muted for good."));
        });
        await rig.ReadyAsync();

        var pushed = await rig.Server.Gateway.PushInteractionAsync(FakeInteraction.Button("/mutestory 42") with { Permissions = "16" });

        var callback = await pushed.Callback.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Story muted for good.", callback.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal((DiscordInteraction.MessageComponentType, "/mutestory 42"), (seen!.Type, seen.CustomId));
    }

    [Fact]
    public async Task Slow_reply_is_deferred_then_delivered_by_editing_the_original()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await DiscordRig.StartAsync(output, client: c => c.InteractionDeferAfter = TimeSpan.FromMilliseconds(200));
        rig.StartGateway(async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return new DiscordReply("Sources: 3");
        });
        await rig.ReadyAsync();

        var pushed = await rig.Server.Gateway.PushInteractionAsync(new FakeInteraction("news", "sources").InDm());
        var deferred = await pushed.Callback.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
        var edit = await pushed.OriginalEdit.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, deferred.GetProperty("type").GetInt32());
        Assert.Equal(64, deferred.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Sources: 3", edit.GetProperty("content").GetString());
        Assert.True(pushed.AnsweredAfter < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Failing_command_still_answers_the_user()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway((_, _) => throw new InvalidOperationException("database is locked"));
        await rig.ReadyAsync();

        var pushed = await rig.Server.Gateway.PushInteractionAsync(new FakeInteraction("news", "list"));

        var callback = await pushed.Callback.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("Sorry, that command failed", callback.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Answer_after_the_three_seconds_is_refused_with_10062()
    {
        var fakeTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await DiscordRig.StartAsync(output, fake => fake.Time = fakeTime);
        rig.StartGateway((_, _) =>
        {
            fakeTime.Advance(TimeSpan.FromSeconds(3.5)); // Discord's clock runs past the deadline while the bot works
            return Task.FromResult(new DiscordReply("too late"));
        });
        await rig.ReadyAsync();

        var pushed = await rig.Server.Gateway.PushInteractionAsync(new FakeInteraction("news", "list"));
        Assert.Equal(DiscordErrorCodes.UnknownInteraction, await pushed.Rejection.WaitAsync(TimeSpan.FromSeconds(10)));

        // The responder logged its own refusal; a direct call shows the error the client raises.
        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rig.Rest.RespondToInteractionAsync(pushed.Id, pushed.Token, InteractionCallback.Reply(new DiscordMessageBody { Content = "x" }), CancellationToken.None));

        Assert.Equal(DiscordErrorCodes.UnknownInteraction, error.Code);
        Assert.False(pushed.Callback.IsCompleted);
        Assert.DoesNotContain(pushed.Token, error.Message);
    }

    [Fact]
    public async Task Second_answer_is_refused_with_40060()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway((_, _) => Task.FromResult(new DiscordReply("ok")));
        await rig.ReadyAsync();
        var pushed = await rig.Server.Gateway.PushInteractionAsync(new FakeInteraction("news", "pause"));
        await pushed.Callback.WaitAsync(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rig.Rest.RespondToInteractionAsync(pushed.Id, pushed.Token, InteractionCallback.Reply(new DiscordMessageBody { Content = "again" }), CancellationToken.None));

        Assert.Equal(DiscordErrorCodes.InteractionAlreadyAcknowledged, error.Code);
    }

    [Fact]
    public async Task Follow_up_message_is_posted_with_the_interaction_token()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway((_, _) => Task.FromResult(new DiscordReply("first")));
        await rig.ReadyAsync();
        var pushed = await rig.Server.Gateway.PushInteractionAsync(new FakeInteraction("news", "test", new Dictionary<string, object> { ["text"] = "storm" }));
        await pushed.Callback.WaitAsync(TimeSpan.FromSeconds(10));

        var followUp = await rig.Rest.CreateFollowUpAsync(rig.Server.Options.ApplicationId, pushed.Token, new DiscordMessageBody { Content = "more" }, CancellationToken.None);

        Assert.NotEmpty(followUp.Id);
        Assert.Contains(rig.Server.Messages, m => m.Target.StartsWith("followup:", StringComparison.Ordinal) && m.Body.GetProperty("content").GetString() == "more");
    }
}
