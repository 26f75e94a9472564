using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Core.Commands;
using NewsBot.Telegram.Intake;
using NewsBot.Telegram.Sending;
using NewsBot.TestKit.Telegram;
using Telegram.Bot;

namespace NewsBot.Telegram.Tests;

/// <summary>The real Telegram adapter wired to a fake Bot API server, as the host would wire it.</summary>
internal sealed class TelegramHarness : IAsyncDisposable
{
    public const long AdminUserId = 777;

    private readonly TelegramBotIdentity _identity;

    private TelegramHarness(FakeBotApiServer server, TelegramOptions options, TimeProvider time, ICommandExecutor executor, CommandRateLimiter? limiter)
    {
        Server = server;
        Options = options;
        Bot = TelegramBotClientFactory.Create(options);
        Pacer = new TelegramPacer(options.Pacing, time);
        Sender = new TelegramAlertSender(Bot, Pacer, options, NullLogger<TelegramAlertSender>.Instance);
        var identity = _identity = new TelegramBotIdentity(Bot);
        var admins = new ChatAdminCache(Bot, time, options.AdminCheckCacheTime, NullLogger<ChatAdminCache>.Instance);
        var contexts = new CommandContextFactory(Bot, identity, admins, options, NullLogger<CommandContextFactory>.Instance);
        Handler = new TelegramUpdateHandler(Bot, identity, contexts, new TelegramReplyWriter(Bot, Pacer), executor, options,
            NullLogger<TelegramUpdateHandler>.Instance, limiter);
        Dispatcher = new TelegramUpdateDispatcher(Handler, new ChatLanes());
        Polling = new TelegramPolling(Bot, Dispatcher, options, time, NullLogger<TelegramPolling>.Instance);
        Webhook = new TelegramWebhook(Dispatcher, options);
        Startup = new TelegramBotStartup(Bot, identity, options, NullLogger<TelegramBotStartup>.Instance);
    }

    public FakeBotApiServer Server { get; }
    public TelegramOptions Options { get; }
    public TelegramBotClient Bot { get; }
    public TelegramPacer Pacer { get; }
    public TelegramAlertSender Sender { get; }
    public TelegramUpdateHandler Handler { get; }
    public TelegramUpdateDispatcher Dispatcher { get; }
    public TelegramPolling Polling { get; }
    public TelegramWebhook Webhook { get; }
    public TelegramBotStartup Startup { get; }

    /// <summary>Pacing loose enough that functional tests do not wait on the per-chat second.</summary>
    public static TelegramPacingOptions FastPacing => new() { PerChatInterval = TimeSpan.Zero, SafetyMargin = TimeSpan.Zero, MessagesPerSecond = 1000 };

    public static async Task<TelegramHarness> StartAsync(
        ICommandExecutor? executor = null, TelegramPacingOptions? pacing = null, FakeBotApiOptions? server = null,
        TimeProvider? time = null, Action<TelegramOptions>? configure = null, CommandRateLimiter? limiter = null)
    {
        var fake = await FakeBotApiServer.StartAsync(server);
        var options = new TelegramOptions
        {
            BotToken = fake.Token,
            ApiBaseUrl = fake.BaseUrl,
            AdminUserIds = [AdminUserId],
            PollTimeoutSeconds = 5,
            Pacing = pacing ?? FastPacing,
            WebhookSecret = "s3cret_token-ABC",
        };
        configure?.Invoke(options);
        return new TelegramHarness(fake, options, time ?? TimeProvider.System, executor ?? new RecordingExecutor(), limiter);
    }

    public ValueTask DisposeAsync()
    {
        _identity.Dispose();
        return Server.DisposeAsync();
    }
}
