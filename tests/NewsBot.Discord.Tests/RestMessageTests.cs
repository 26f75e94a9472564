using NewsBot.Discord.Rest;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>Creating and editing channel messages (resources/message.mdx).</summary>
public sealed class RestMessageTests(ITestOutputHelper output)
{
    private const string Channel = "1800000000000000001";

    [Fact]
    public async Task Created_message_can_be_edited_by_its_id()
    {
        await using var rig = await DiscordRig.StartAsync(output);

        var created = await rig.Rest.CreateMessageAsync(Channel, new DiscordMessageBody { Content = "draft" }, CancellationToken.None);
        var edited = await rig.Rest.EditMessageAsync(Channel, created.Id, new DiscordMessageBody { Content = "final" }, CancellationToken.None);

        Assert.Equal(Channel, created.ChannelId);
        Assert.Equal(created.Id, edited.Id);
        var patch = rig.Server.Requests.Last();
        Assert.Equal(("PATCH", $"/api/v10/channels/{Channel}/messages/{created.Id}"), (patch.Method, patch.Path));
        Assert.Equal("final", rig.Server.Messages.Last().Body.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Empty_message_is_refused_with_50006()
    {
        await using var rig = await DiscordRig.StartAsync(output);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rig.Rest.CreateMessageAsync(Channel, new DiscordMessageBody(), CancellationToken.None));

        Assert.Equal(50006, error.Code);
        Assert.Equal($"Discord POST /channels/{Channel}/messages: HTTP 400, code 50006: Cannot send an empty message", error.Message);
    }

    [Fact]
    public async Task Snowflakes_in_answers_are_strings()
    {
        await using var rig = await DiscordRig.StartAsync(output);

        var created = await rig.Rest.CreateMessageAsync(Channel, new DiscordMessageBody { Content = "x" }, CancellationToken.None);

        Assert.Matches(@"^\d{17,20}$", created.Id);
    }
}
