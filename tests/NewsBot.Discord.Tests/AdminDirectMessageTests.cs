using NewsBot.Core.Alerts;
using NewsBot.Discord.Sending;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>
/// Admins hear about failing sources by direct message: a DM channel is opened with
/// POST /users/@me/channels (Discord answers with the channel), then the text is posted there.
/// </summary>
public sealed class AdminDirectMessageTests(ITestOutputHelper output)
{
    private const string Admin = "1700000000000000042";

    [Fact]
    public async Task Text_to_a_user_opens_a_dm_channel_and_posts_there()
    {
        await using var rig = await DiscordRig.StartAsync(output);

        var outcome = await new DiscordAlertSender(rig.Rest).SendTextToUserAsync(Admin, "Source Loopback News has been failing since 09:00 UTC.", CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var message = Assert.Single(rig.Server.Messages);
        Assert.Equal("19" + Admin[2..], message.Target); // the DM channel the fake opened for this user
        Assert.Equal("Source Loopback News has been failing since 09:00 UTC.", message.Body.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_user_who_does_not_accept_direct_messages_is_reported_gone_without_a_message()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.Server.FailChannel("user:" + Admin, 400, 50007, "Cannot send messages to this user");

        var outcome = await new DiscordAlertSender(rig.Rest).SendTextToUserAsync(Admin, "notice", CancellationToken.None);

        var gone = Assert.IsType<SendOutcome.ChatGone>(outcome);
        Assert.Contains("50007", gone.Reason);
        Assert.Empty(rig.Server.Messages);
    }
}
