using NewsBot.Discord.Gateway;
using NewsBot.Discord.Interactions;
using NewsBot.Discord.Rest;
using NewsBot.TestKit.Discord;
using Xunit.Abstractions;

namespace NewsBot.Discord.Tests;

/// <summary>A fake Discord plus our client pointed at it; disposing stops the gateway and awaits it.</summary>
internal sealed class DiscordRig : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();
    private readonly TaskCompletionSource<DiscordReady> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DiscordRig(FakeDiscordServer server, DiscordOptions options, ITestOutputHelper output, TimeProvider? clientTime)
    {
        Server = server;
        Options = options;
        Rest = new DiscordRestClient(_http, options, clientTime, new TestOutputLogger<DiscordRestClient>(output));
        GatewayLogger = new TestOutputLogger<DiscordGatewayClient>(output);
        Output = output;
    }

    public FakeDiscordServer Server { get; }
    public DiscordOptions Options { get; }
    public DiscordRestClient Rest { get; }
    public ITestOutputHelper Output { get; }
    public TestOutputLogger<DiscordGatewayClient> GatewayLogger { get; }
    public DiscordGatewayClient? Gateway { get; private set; }
    public Task? Running { get; private set; }

    public static async Task<DiscordRig> StartAsync(ITestOutputHelper output, Action<FakeDiscordOptions>? fake = null,
        Action<DiscordOptions>? client = null, TimeProvider? clientTime = null)
    {
        // 2 s keeps heartbeats quick to see but tolerant of a loaded machine; heartbeat tests set 300–400 ms.
        var fakeOptions = new FakeDiscordOptions { HeartbeatIntervalMs = 2000 };
        fake?.Invoke(fakeOptions);
        var server = await FakeDiscordServer.StartAsync(fakeOptions);
        var options = new DiscordOptions
        {
            BotToken = fakeOptions.BotToken,
            ApiBaseUrl = server.ApiBaseUrl,
            IdentifyWindow = TimeSpan.FromMilliseconds(50),
            InteractionDeferAfter = TimeSpan.FromSeconds(2),
        };
        client?.Invoke(options);
        return new DiscordRig(server, options, output, clientTime);
    }

    /// <summary>Starts the gateway with a fixed jitter; interactions go to the responder with this handler.</summary>
    public DiscordGatewayClient StartGateway(Func<DiscordInteraction, CancellationToken, Task<DiscordReply>>? handler = null, double jitter = 0.1)
    {
        Gateway = new DiscordGatewayClient(Options, Rest, jitter: new FixedRandom(jitter), logger: GatewayLogger);
        Gateway.Ready = (ready, _) =>
        {
            _ready.TrySetResult(ready);
            return Task.CompletedTask;
        };
        if (handler is not null)
        {
            var responder = new InteractionResponder(Rest, handler, Options, logger: new TestOutputLogger<InteractionResponder>(Output));
            Gateway.InteractionReceived = responder.HandleAsync;
        }
        Running = Gateway.RunAsync(_stop.Token);
        return Gateway;
    }

    /// <summary>Completes once the client itself has processed the first READY (not just the server sent it).</summary>
    public Task<DiscordReady> ReadyAsync() => _ready.Task.WaitAsync(TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Running is not null) await Running.WaitAsync(TimeSpan.FromSeconds(10));
        Rest.Dispose();
        _http.Dispose();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
