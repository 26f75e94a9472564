using System.Text.Json.Nodes;
using NewsBot.Discord.Gateway;
using NewsBot.TestKit.Discord;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>
/// Keeping the session across reconnects (Discord events/gateway.mdx "Resuming"): resume at resume_gateway_url
/// with the last sequence after op 7, op 9 d=true, a zombie connection, a dropped TCP connection and a
/// resumable close code; identify again after op 9 d=false, 4007 and 4009; stop on the fatal codes.
/// </summary>
public sealed class GatewayReconnectTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Reconnect_request_resumes_at_resume_gateway_url_with_the_last_sequence()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway();
        await rig.ReadyAsync();
        await rig.Server.Gateway.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "1" });
        await rig.Server.Gateway.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "2" });

        await rig.Server.Gateway.SendReconnectAsync();

        var log = rig.Server.Gateway.Log;
        var resume = await log.WaitForAsync<GatewayResumeRequested>();
        var resumed = await log.WaitForAsync<GatewayDispatched>(d => d.Type == "RESUMED");
        // A heartbeat carrying RESUMED's sequence shows the client took it in.
        await log.WaitForAsync<GatewayHeartbeat>(h => h.Connection == 2 && h.Sequence == resumed.Sequence);
        Assert.True(resume.Accepted);
        Assert.Equal(3, resume.Sequence);
        Assert.Equal(log.All<GatewayIdentified>().Single().SessionId, resume.SessionId);
        Assert.Equal("/resume-gateway", log.All<GatewayConnected>()[1].Path);
        Assert.Equal("?v=10&encoding=json", log.All<GatewayConnected>()[1].Query);
        // Closing with 1000/1001 would have ended the session; the client must use another code.
        var close = log.All<GatewayClientClosed>()[0];
        Assert.NotNull(close.Code);
        Assert.NotEqual(1000, close.Code);
        Assert.Equal(DiscordGatewayState.Ready, rig.Gateway!.State);
    }

    [Fact]
    public async Task Missed_heartbeat_ack_closes_with_a_non_1000_code_and_resumes()
    {
        await using var rig = await DiscordRig.StartAsync(output, fake => fake.HeartbeatIntervalMs = 300);
        rig.StartGateway();
        await rig.ReadyAsync();

        rig.Server.Gateway.AckHeartbeats = false;
        var close = await rig.Server.Gateway.Log.WaitForAsync<GatewayClientClosed>();
        rig.Server.Gateway.AckHeartbeats = true;

        var resume = await rig.Server.Gateway.Log.WaitForAsync<GatewayResumeRequested>();
        Assert.NotNull(close.Code);
        Assert.NotEqual(1000, close.Code);
        Assert.True(resume.Accepted);
        Assert.Equal(1, resume.Sequence);
        Assert.Single(rig.Server.Gateway.Log.All<GatewayIdentified>());
    }

    [Fact]
    public async Task Dropped_tcp_connection_resumes_and_missed_events_still_arrive()
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await DiscordRig.StartAsync(output);
        var gateway = rig.StartGateway();
        gateway.InteractionReceived = (payload, _) => { received.TrySetResult(payload.GetProperty("id").GetString()!); return Task.CompletedTask; };
        await rig.ReadyAsync();

        rig.Server.Gateway.DropConnection();
        var pushed = await rig.Server.Gateway.PushInteractionAsync(new FakeInteraction("news", "list"));

        var resume = await rig.Server.Gateway.Log.WaitForAsync<GatewayResumeRequested>();
        Assert.True(resume.Accepted);
        Assert.Equal(pushed.Id, await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(rig.Server.Gateway.Log.All<GatewayIdentified>());
    }

    [Fact]
    public async Task Refused_resume_falls_back_to_a_fresh_identify()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway();
        await rig.ReadyAsync();

        rig.Server.Gateway.ExpireSession();
        rig.Server.Gateway.DropConnection();

        var log = rig.Server.Gateway.Log;
        var identify = await log.WaitForAsync<GatewayIdentified>(occurrence: 2);
        var resume = Assert.Single(log.All<GatewayResumeRequested>());
        Assert.False(resume.Accepted);
        Assert.Equal(3, identify.Connection);
        Assert.Equal("/gateway", log.All<GatewayConnected>()[2].Path);
    }

    [Theory]
    [InlineData(true, 0, 1)]   // op 9 d=true: resume the same session
    [InlineData(false, 2, 0)]  // op 9 d=false: a new session with a fresh identify
    public async Task Invalid_session_resumes_or_identifies_as_the_server_says(bool resumable, int identifies, int resumes)
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway();
        await rig.ReadyAsync();

        await rig.Server.Gateway.SendInvalidSessionAsync(resumable);

        var log = rig.Server.Gateway.Log;
        await log.WaitForAsync<GatewayDispatched>(d => d.Type == (resumable ? "RESUMED" : "READY") && d.Connection == 2);
        Assert.Equal(Math.Max(identifies, 1), log.All<GatewayIdentified>().Count);
        Assert.Equal(resumes, log.All<GatewayResumeRequested>().Count);
    }

    [Theory]
    [InlineData(4000, "resume")]
    [InlineData(4001, "resume")]
    [InlineData(4008, "resume")]
    [InlineData(4007, "identify")]
    [InlineData(4009, "identify")]
    public async Task Non_fatal_close_codes_reconnect(int code, string expected)
    {
        await using var rig = await DiscordRig.StartAsync(output);
        rig.StartGateway();
        await rig.ReadyAsync();

        await rig.Server.Gateway.CloseAsync(code, "test");

        var log = rig.Server.Gateway.Log;
        if (expected == "resume")
        {
            var resume = await log.WaitForAsync<GatewayResumeRequested>();
            Assert.True(resume.Accepted);
            Assert.Equal("/resume-gateway", log.All<GatewayConnected>()[1].Path);
        }
        else
        {
            await log.WaitForAsync<GatewayIdentified>(occurrence: 2);
            Assert.Empty(log.All<GatewayResumeRequested>());
        }
    }

    [Theory]
    [InlineData(4004, "Discord gateway closed 4004: authentication failed — check NewsBot:Discord:BotToken")]
    [InlineData(4010, "Discord gateway closed 4010: invalid shard")]
    [InlineData(4011, "Discord gateway closed 4011: sharding required")]
    [InlineData(4012, "Discord gateway closed 4012: invalid API version")]
    [InlineData(4013, "Discord gateway closed 4013: invalid intents")]
    [InlineData(4014, "Discord gateway closed 4014: disallowed intents")]
    public async Task Fatal_close_codes_stop_the_gateway_with_a_clear_reason(int code, string reason)
    {
        await using var rig = await DiscordRig.StartAsync(output);
        var gateway = rig.StartGateway();
        await rig.ReadyAsync();

        await rig.Server.Gateway.CloseAsync(code, "test");

        await rig.Running!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(DiscordGatewayState.Faulted, gateway.State);
        Assert.StartsWith(reason, gateway.FaultReason);
        Assert.Single(rig.Server.Gateway.Log.All<GatewayConnected>());
        Assert.Contains(rig.GatewayLogger.Lines, l => l.Contains("Critical") && l.Contains(reason));
    }

    [Fact]
    public async Task Wrong_token_is_refused_with_4004_and_the_token_never_appears_in_the_reason()
    {
        const string wrongToken = "wrong-token.SECRET-42";
        await using var rig = await DiscordRig.StartAsync(output, client: c => c.BotToken = wrongToken);
        rig.Options.GatewayUrl = rig.Server.GatewayUrl;
        var gateway = rig.StartGateway();

        await rig.Running!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DiscordGatewayState.Faulted, gateway.State);
        Assert.Equal("Discord gateway closed 4004: authentication failed — check NewsBot:Discord:BotToken", gateway.FaultReason);
        Assert.DoesNotContain(rig.GatewayLogger.Lines, l => l.Contains(wrongToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_token_on_gateway_bot_stops_without_connecting()
    {
        await using var rig = await DiscordRig.StartAsync(output, client: c => c.BotToken = "wrong-token");
        var gateway = rig.StartGateway();

        await rig.Running!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DiscordGatewayState.Faulted, gateway.State);
        Assert.Contains("401", gateway.FaultReason);
        Assert.Contains("NewsBot:Discord:BotToken", gateway.FaultReason);
        Assert.Empty(rig.Server.Gateway.Log.All<GatewayConnected>());
    }
}
