using System.Globalization;
using NewsBot.Core.Alerts;
using NewsBot.Discord.Rest;
using NewsBot.Discord.Sending;
using NewsBot.TestKit.Discord;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>What the delivery queue is told for each Discord answer (JSON codes from opcodes-and-status-codes.mdx).</summary>
public sealed class ErrorMappingTests(ITestOutputHelper output)
{
    private const string Channel = "1800000000000000009";
    private static readonly AlertContent Alert = new("Headline", "Summary.", "Wire", null, "https://news.example/a", []);

    [Theory]
    [InlineData(404, 10003, "Unknown Channel")]
    [InlineData(403, 50001, "Missing Access")]
    [InlineData(403, 50013, "Missing Permissions")]
    [InlineData(403, 50007, "Cannot send messages to this user")]
    [InlineData(403, 50278, "Cannot send messages to this user due to having no mutual guilds")]
    [InlineData(400, 50013, "Missing Permissions")] // the status does not matter, the code does
    public async Task Channel_that_cannot_receive_is_reported_gone_with_the_code(int status, int code, string message)
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.Server.FailChannel(Channel, status, code, message);

        var outcome = await new DiscordAlertSender(rig.Rest).SendAsync(Channel, Alert, CancellationToken.None);

        var gone = Assert.IsType<SendOutcome.ChatGone>(outcome);
        Assert.Contains(code.ToString(CultureInfo.InvariantCulture), gone.Reason);
        Assert.Contains(Channel, gone.Reason);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_retry_later_with_growing_backoff(int status)
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.Server.FailChannel(Channel, status, 0, "Internal Server Error");
        var sender = new DiscordAlertSender(rig.Rest);

        var first = Assert.IsType<SendOutcome.RetryLater>(await sender.SendAsync(Channel, Alert, CancellationToken.None));
        var second = Assert.IsType<SendOutcome.RetryLater>(await sender.SendAsync(Channel, Alert, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(5), first.After);
        Assert.Equal(TimeSpan.FromSeconds(10), second.After);
        Assert.Contains($"HTTP {status}", first.Reason);
    }

    [Fact]
    public async Task Network_failure_retries_later()
    {
        string deadUrl;
        await using (var gone = await FakeDiscordServer.StartAsync()) deadUrl = gone.ApiBaseUrl;
        using var http = new HttpClient();
        using var rest = new DiscordRestClient(http, new DiscordOptions { BotToken = "t", ApiBaseUrl = deadUrl });

        var outcome = await new DiscordAlertSender(rest).SendAsync(Channel, Alert, CancellationToken.None);

        var later = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(5), later.After);
        Assert.Contains("no answer", later.Reason);
    }

    [Fact]
    public async Task Invalid_body_fails_this_alert_only()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.Server.FailChannel(Channel, 400, 50035, "Invalid Form Body");

        var outcome = await new DiscordAlertSender(rig.Rest).SendAsync(Channel, Alert, CancellationToken.None);

        Assert.Contains("50035", Assert.IsType<SendOutcome.Failed>(outcome).Reason);
    }

    [Fact]
    public async Task Wrong_bot_token_is_an_error_with_code_40001_that_never_shows_the_token()
    {
        const string secret = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs";
        await using var rig = await DiscordRig.StartAsync(output, client: c => c.BotToken = secret);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rig.Rest.CreateMessageAsync(Channel, new DiscordMessageBody { Content = "x" }, CancellationToken.None));
        var outcome = await new DiscordAlertSender(rig.Rest).SendAsync(Channel, Alert, CancellationToken.None);

        Assert.Equal(DiscordErrorCodes.Unauthorized, error.Code);
        Assert.DoesNotContain(secret, error.ToString());
        var later = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Contains("NewsBot:Discord:BotToken", later.Reason);
        Assert.DoesNotContain(secret, later.Reason);
    }

    [Fact]
    public async Task Requests_carry_the_bot_token_and_a_DiscordBot_user_agent()
    {
        await using var rig = await DiscordRig.StartAsync(output);

        await rig.Rest.CreateMessageAsync(Channel, new DiscordMessageBody { Content = "x" }, CancellationToken.None);

        var request = Assert.Single(rig.Server.Requests);
        Assert.Equal("Bot " + rig.Options.BotToken, request.Authorization);
        Assert.Matches(@"^DiscordBot \(https://github\.com/newsbot, \d+\.\d+\.\d+\)$", request.UserAgent);
    }

    [Fact]
    public async Task Dm_to_a_user_who_cannot_be_messaged_reports_code_50007()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.Server.FailChannel("user:1400000000000000002", 400, 50007, "Cannot send messages to this user");

        var dm = await rig.Rest.OpenDmAsync("1400000000000000001", CancellationToken.None);
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rig.Rest.OpenDmAsync("1400000000000000002", CancellationToken.None));

        Assert.Matches(@"^\d+$", dm);
        Assert.Equal(DiscordErrorCodes.CannotSendMessagesToUser, error.Code);
    }

    [Fact]
    public async Task Chat_id_that_is_not_a_snowflake_is_reported_gone_without_a_request()
    {
        await using var rig = await DiscordRig.StartAsync(output);

        var outcome = await new DiscordAlertSender(rig.Rest).SendAsync("../../users/@me", Alert, CancellationToken.None);

        Assert.IsType<SendOutcome.ChatGone>(outcome);
        Assert.Empty(rig.Server.Requests);
    }
}
