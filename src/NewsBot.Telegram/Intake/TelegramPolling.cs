using Microsoft.Extensions.Logging;
using NewsBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Intake;

/// <summary>
/// Long polling with getUpdates. Telegram.Bot's own ReceiveAsync has no backoff after errors, so
/// this small loop owns it: exponential backoff on errors, a longer one on 409 Conflict (another
/// instance polling, or a webhook set), retry_after on 429, and a pause if a server answers an
/// empty long poll at once. It never spins.
/// </summary>
public sealed partial class TelegramPolling
{
    private readonly ITelegramBotClient _bot;
    private readonly TelegramUpdateHandler _handler;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly FailureBackoff _errors = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    private readonly FailureBackoff _conflicts = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));

    public TelegramPolling(ITelegramBotClient bot, TelegramUpdateHandler handler, TelegramOptions options,
        TimeProvider time, ILogger<TelegramPolling> log)
    {
        _bot = bot;
        _handler = handler;
        _options = options;
        _time = time;
        _log = log;
        Delay = (delay, ct) => Task.Delay(delay, _time, ct);
    }

    /// <summary>The shortest cycle for an empty answer; a real server holds the poll for the timeout.</summary>
    public static TimeSpan MinEmptyCycle { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How the loop waits; tests replace it to observe every backoff.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; set; }

    /// <summary>Polls until <paramref name="ct"/> is cancelled. Confirms each update only after handling it.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await PollAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping while waiting for updates or backing off.
        }
        await ConfirmHandledAsync().ConfigureAwait(false);
    }

    /// <summary>How long an update being handled may still run after stop is requested.</summary>
    public static TimeSpan HandlerGrace { get; } = TimeSpan.FromSeconds(10);

    private int? _offset;
    private int? _confirmed;

    /// <summary>
    /// Updates are confirmed only by the next getUpdates. Without this last call a restart would
    /// receive the final batch again and run its commands twice (a second "/remove 2" removes
    /// another filter).
    /// </summary>
    private async Task ConfirmHandledAsync()
    {
        if (_offset is not { } offset || offset == _confirmed) return;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _bot.GetUpdates(offset, 1, 0, TelegramUpdateHandler.AllowedUpdates, limit.Token).ConfigureAwait(false);
            _confirmed = offset;
        }
        catch (Exception error) when (TelegramFailure.From(error, limit.Token) is not null || error is OperationCanceledException)
        {
            LogConfirmFailed(TelegramErrorText.Describe(error, _options.BotToken));
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var timeout = Math.Clamp(_options.PollTimeoutSeconds, 0, 50); // Bot API server caps the long poll at 50 s
        while (!ct.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            Update[] updates;
            try
            {
                updates = await _bot.GetUpdates(_offset, 100, timeout, TelegramUpdateHandler.AllowedUpdates, ct).ConfigureAwait(false);
                _confirmed = _offset;
            }
            catch (ApiRequestException conflict) when (conflict.ErrorCode == 409)
            {
                var wait = _conflicts.NextDelay();
                LogConflict(conflict.Message, wait.TotalSeconds);
                await Delay(wait, ct).ConfigureAwait(false);
                continue;
            }
            catch (Exception error) when (TelegramFailure.From(error, ct) is { } failure)
            {
                var wait = failure.RetryAfter ?? _errors.NextDelay();
                LogPollFailed(TelegramErrorText.Describe(error, _options.BotToken), wait.TotalSeconds);
                await Delay(wait, ct).ConfigureAwait(false);
                continue;
            }
            _errors.Reset();
            _conflicts.Reset();
            // Stop between updates, not inside one: a command half-run at shutdown and never
            // confirmed would run again after the restart.
            using var handling = new CancellationTokenSource();
            using var stopping = ct.Register(() => handling.CancelAfter(HandlerGrace));
            foreach (var update in updates.OrderBy(u => u.Id))
            {
                if (ct.IsCancellationRequested) break;
                await _handler.HandleAsync(update, handling.Token).ConfigureAwait(false);
                // Bot API: an update is confirmed by asking with an offset above its update_id.
                _offset = update.Id + 1;
            }
            if (updates.Length == 0 && _time.GetElapsedTime(started) < MinEmptyCycle)
                await Delay(MinEmptyCycle, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(LogLevel.Warning, "telegram polling: {Cause}; is another instance polling, or a webhook set? Retrying in {Seconds:F1} s")]
    private partial void LogConflict(string cause, double seconds);

    [LoggerMessage(LogLevel.Warning, "telegram polling: could not confirm the last updates on stop ({Cause}); they may be handled again")]
    private partial void LogConfirmFailed(string cause);

    [LoggerMessage(LogLevel.Warning, "telegram polling failed ({Cause}); retrying in {Seconds:F1} s")]
    private partial void LogPollFailed(string cause, double seconds);
}
