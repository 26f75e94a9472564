using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Platforms;
using NewsBot.Telegram.Intake;
using NewsBot.Telegram.Sending;

namespace NewsBot.Telegram;

/// <summary>
/// Starts the Telegram bot with the host (identity, command menus, webhook set or removed) and, in
/// polling mode, runs the long-poll loop until shutdown. Webhook mode receives updates through
/// <see cref="TelegramWebhookEndpoint"/>. With several instances all of this runs only on the one
/// holding the bot's lease (<see cref="IBotLeases"/>): Telegram serves one getUpdates poller per token
/// and counts flood limits per bot.
/// </summary>
public sealed partial class TelegramBotService(
    TelegramBotStartup startup,
    TelegramPolling polling,
    TelegramOptions options,
    IBotLeases leases,
    TimeProvider time,
    ILogger<TelegramBotService> log) : BackgroundService
{
    private static readonly TimeSpan StartRetry = TimeSpan.FromSeconds(30);

    /// <summary>The Bot API accepted the token and the intake is set up (read by the "telegram" health check).</summary>
    public bool Started { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.RunAsLeaderAsync(TelegramAlertSender.PlatformName, options.BotToken ?? "", RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // Telegram may be unreachable when we start; keep trying rather than leaving the bot dead.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var me = await startup.StartAsync(stoppingToken);
                LogStarted(me.Username ?? me.FirstName, options.Mode);
                Started = true;
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStartFailed(e.Message, StartRetry);
                await Task.Delay(StartRetry, time, stoppingToken);
            }
        }
        if (options.Mode == TelegramIntakeMode.Polling) await polling.RunAsync(stoppingToken);
        else await Task.Delay(Timeout.Infinite, stoppingToken); // webhook mode: updates arrive everywhere; keep the lease for sending
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot @{BotName} started ({Mode})")]
    private partial void LogStarted(string botName, TelegramIntakeMode mode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram bot could not start: {Cause}; retrying in {Delay}")]
    private partial void LogStartFailed(string cause, TimeSpan delay);
}
