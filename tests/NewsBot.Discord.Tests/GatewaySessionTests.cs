using System.Text.Json.Nodes;
using NewsBot.Discord.Gateway;
using NewsBot.TestKit.Discord;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>Connecting, identifying and heartbeating against the fake gateway (Discord events/gateway.mdx).</summary>
public sealed class GatewaySessionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Identifies_with_intents_0_at_the_url_from_gateway_bot_and_reports_READY()
    {
        await using var rig = await DiscordRig.StartAsync(output);
        var ready = new TaskCompletionSource<DiscordReady>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gateway = new DiscordGatewayClient(rig.Options, rig.Rest, jitter: new FixedRandom(0.1), logger: rig.GatewayLogger);
        gateway.Ready = (r, _) => { ready.TrySetResult(r); return Task.CompletedTask; };
        using var stop = new CancellationTokenSource();
        var running = gateway.RunAsync(stop.Token);

        var info = await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var connected = rig.Server.Gateway.Log.All<GatewayConnected>().Single();
        var identify = rig.Server.Gateway.Log.All<GatewayIdentified>().Single();
        Assert.Equal("/gateway", connected.Path);
        Assert.Equal("?v=10&encoding=json", connected.Query);
        Assert.Equal(0, identify.Intents);
        Assert.Equal(rig.Server.Options.ApplicationId, info.ApplicationId);
        Assert.Equal(identify.SessionId, info.SessionId);
        Assert.Equal(DiscordGatewayState.Ready, gateway.State);
        Assert.Contains(rig.Server.Requests, r => r.Path == "/api/v10/gateway/bot");

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        // Shutting down closes with 1000, which ends the session so the bot shows offline at once.
        Assert.Equal(1000, (await rig.Server.Gateway.Log.WaitForAsync<GatewayClientClosed>()).Code);
        Assert.Equal(DiscordGatewayState.Stopped, gateway.State);
    }

    [Fact]
    public async Task First_heartbeat_waits_the_jittered_interval_then_carries_the_last_sequence()
    {
        await using var rig = await DiscordRig.StartAsync(output, fake => fake.HeartbeatIntervalMs = 400);
        rig.StartGateway(jitter: 0.5);
        await rig.ReadyAsync();
        await rig.Server.Gateway.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "1200000000000000001" });

        var log = rig.Server.Gateway.Log;
        var connected = await log.WaitForAsync<GatewayConnected>();
        var first = await log.WaitForAsync<GatewayHeartbeat>();
        Assert.True(first.At - connected.At >= TimeSpan.FromMilliseconds(190), $"first heartbeat after {(first.At - connected.At).TotalMilliseconds} ms; expected ≥ 0.5 × 400 ms");
        await log.WaitForAsync<GatewayHeartbeat>(h => h.Sequence == 2);
    }

    [Fact]
    public async Task Heartbeat_request_from_the_server_is_answered_at_once()
    {
        // Interval 60 s and jitter 0.9: no regular heartbeat would come during the test.
        await using var rig = await DiscordRig.StartAsync(output, fake => fake.HeartbeatIntervalMs = 60_000);
        rig.StartGateway(jitter: 0.9);
        await rig.ReadyAsync();

        await rig.Server.Gateway.RequestHeartbeatAsync();

        var beat = await rig.Server.Gateway.Log.WaitForAsync<GatewayHeartbeat>(timeout: TimeSpan.FromSeconds(5));
        Assert.Equal(1, beat.Sequence);
    }

    [Fact]
    public async Task Identify_is_not_repeated_within_the_identify_window()
    {
        await using var rig = await DiscordRig.StartAsync(output, client: c => c.IdentifyWindow = TimeSpan.FromSeconds(1));
        rig.StartGateway();
        await rig.ReadyAsync();

        await rig.Server.Gateway.SendInvalidSessionAsync(resumable: false);

        var log = rig.Server.Gateway.Log;
        var second = await log.WaitForAsync<GatewayIdentified>(occurrence: 2);
        var first = log.All<GatewayIdentified>()[0];
        Assert.True(second.At - first.At >= TimeSpan.FromMilliseconds(950), $"identifies {(second.At - first.At).TotalMilliseconds} ms apart");
    }

    [Fact]
    public async Task No_identifies_left_today_means_waiting_for_the_reset()
    {
        await using var rig = await DiscordRig.StartAsync(output, fake =>
        {
            fake.IdentifiesRemaining = 0;
            fake.HeartbeatIntervalMs = 300;
        });
        rig.StartGateway();

        // reset_after is 4 hours: the client keeps the connection alive (heartbeats) but must not identify.
        await rig.Server.Gateway.Log.WaitForAsync<GatewayHeartbeat>(occurrence: 2);
        Assert.Empty(rig.Server.Gateway.Log.All<GatewayIdentified>());
        Assert.Contains(rig.GatewayLogger.Lines, l => l.Contains("no identifies left today", StringComparison.Ordinal));
    }
}
