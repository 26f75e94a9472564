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
    private readonly TelegramUpdateDispatcher _dispatcher;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly FailureBackoff _errors = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    private readonly FailureBackoff _conflicts = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));

    public TelegramPolling(ITelegramBotClient bot, TelegramUpdateDispatcher dispatcher, TelegramOptions options,
        TimeProvider time, ILogger<TelegramPolling> log)
    {
        _bot = bot;
        _dispatcher = dispatcher;
        _options = options;
        _time = time;
        _log = log;
        Delay = (delay, ct) => Task.Delay(delay, _time, ct);
    }

    /// <summary>The shortest cycle for an empty answer; a real server holds the poll for the timeout.</summary>
    public static TimeSpan MinEmptyCycle { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How the loop waits; tests replace it to observe every backoff.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; set; }

    /// <summary>
    /// Polls until <paramref name="ct"/> is cancelled. Updates run through <see cref="TelegramUpdateDispatcher"/>:
    /// concurrently across chats, in order within one. The offset (which confirms updates to Telegram)
    /// only ever moves past an update once it and every update before it were handled, so a restart
    /// neither runs a command twice nor loses one.
    /// </summary>
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

    private static readonly TimeSpan SameOffsetGap = TimeSpan.FromMilliseconds(600);
    private int? _lastPolledOffset;
    private long _lastPolledAt;

    /// <summary>How long an update being handled may still run after stop is requested.</summary>
    public static TimeSpan HandlerGrace { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The lowest update id not yet handled: what getUpdates is asked for, which confirms everything below it.</summary>
    private int? _offset;
    private int? _confirmed;

    /// <summary>
    /// Updates received and handed to their chat's lane, by id, until every update before them is
    /// handled too. An entry whose task ended false never ran (stop came first, or its lane was
    /// full) and is received again by the next getUpdates.
    /// </summary>
    private readonly SortedDictionary<int, Task<bool>> _taken = [];

    /// <summary>
    /// Updates are confirmed only by the next getUpdates. Without this last call a restart would
    /// receive the final batch again and run its commands twice (a second "/remove 2" removes
    /// another filter).
    /// </summary>
    private async Task ConfirmHandledAsync()
    {
        AdvanceOffset();
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
        // Stop between updates, not inside one: a command half-run at shutdown and never confirmed
        // would run again after the restart. Handlers get HandlerGrace to finish after stop.
        using var handling = new CancellationTokenSource();
        using var stopping = ct.Register(() => handling.CancelAfter(HandlerGrace));
        try
        {
            while (!ct.IsCancellationRequested)
            {
                AdvanceOffset();
                // Bot API server: the same offset again within 0.5 s is answered with limit=1, which would
                // hide other chats' updates behind a slow one; so repeat an offset at most twice a second.
                if (_taken.Count > 0 && _offset == _lastPolledOffset && _time.GetElapsedTime(_lastPolledAt) is var since && since < SameOffsetGap)
                    await Delay(SameOffsetGap - since, ct).ConfigureAwait(false);
                _lastPolledOffset = _offset;
                _lastPolledAt = _time.GetTimestamp();
                var started = _lastPolledAt;
                Update[] updates;
                try
                {
                    // While a slow update is still running, its id stays the offset and the server
                    // sends it again; don't hold the poll then, or other chats' updates wait behind it.
                    updates = await _bot.GetUpdates(_offset, 100, _taken.Count > 0 ? 0 : timeout,
                        TelegramUpdateHandler.AllowedUpdates, ct).ConfigureAwait(false);
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
                var fresh = Take(updates, ct, handling.Token);
                if (fresh == 0 && _taken.Values.Any(t => !t.IsCompleted))
                    await WaitForProgressAsync(ct).ConfigureAwait(false);
                else if (updates.Length == 0 && _time.GetElapsedTime(started) < MinEmptyCycle)
                    await Delay(MinEmptyCycle, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await DrainAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Hands each update not yet taken to its chat's lane; returns how many were new.</summary>
    private int Take(Update[] updates, CancellationToken stop, CancellationToken handling)
    {
        var fresh = 0;
        var full = new HashSet<string>(StringComparer.Ordinal); // chats whose later updates must wait too, to keep their order
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            if (stop.IsCancellationRequested) break;
            if (update.Id < _offset || (_taken.TryGetValue(update.Id, out var earlier) && !IsDropped(earlier))) continue;
            var chat = TelegramUpdateDispatcher.ChatKey(update);
            Task<bool> ran;
            if (full.Contains(chat)) ran = Task.FromResult(false);
            else
            {
                (var queued, ran) = _dispatcher.Dispatch(update, stop, handling);
                if (!queued)
                {
                    full.Add(chat);
                    LogChatBusy(update.Id, chat);
                }
            }
            _taken[update.Id] = ran;
            fresh++;
        }
        return fresh;
    }

    /// <summary>
    /// Ended without being handled: its lane was full, a stop came first, or the handler was cut off at
    /// the end of <see cref="HandlerGrace"/> (cancelled). It is not confirmed, and is taken again when received again.
    /// </summary>
    private static bool IsDropped(Task<bool> ran) => ran.IsCompleted && !(ran.IsCompletedSuccessfully && ran.Result);

    /// <summary>Moves the offset past every update that is handled and has only handled updates before it.</summary>
    private void AdvanceOffset()
    {
        while (_taken.Count > 0)
        {
            var (id, ran) = _taken.First();
            if (!ran.IsCompleted || IsDropped(ran)) break;
            _taken.Remove(id);
            // Bot API: an update is confirmed by asking with an offset above its update_id.
            _offset = id + 1;
        }
        if (_taken.Count > 0 && _taken.First().Key is var first && (_offset is null || first < _offset)) _offset = first;
    }

    /// <summary>
    /// Every new update of the batch is running; wait until one ends, but no longer than a second,
    /// so updates sent meanwhile by other chats are fetched promptly.
    /// </summary>
    private async Task WaitForProgressAsync(CancellationToken ct)
    {
        var running = _taken.Values.Where(t => !t.IsCompleted).Cast<Task>().ToList();
        running.Add(Delay(MinEmptyCycle, ct));
        await Task.WhenAny(running).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>On stop: let the updates already running finish (within <see cref="HandlerGrace"/>) so they can be confirmed.</summary>
    private async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_taken.Values).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // The handler logs its own failures; what reaches here is a cancelled handler at the end of the grace.
            LogDrainCut(error.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "telegram polling: {Cause}; is another instance polling, or a webhook set? Retrying in {Seconds:F1} s")]
    private partial void LogConflict(string cause, double seconds);

    [LoggerMessage(LogLevel.Warning, "telegram polling: could not confirm the last updates on stop ({Cause}); they may be handled again")]
    private partial void LogConfirmFailed(string cause);

    [LoggerMessage(LogLevel.Warning, "telegram update {UpdateId}: chat {Chat} has too many commands waiting; taking it again on a later poll")]
    private partial void LogChatBusy(int updateId, string chat);

    [LoggerMessage(LogLevel.Warning, "telegram polling: an update still running at stop was cut off ({Cause}); it will be received again")]
    private partial void LogDrainCut(string cause);

    [LoggerMessage(LogLevel.Warning, "telegram polling failed ({Cause}); retrying in {Seconds:F1} s")]
    private partial void LogPollFailed(string cause, double seconds);
}
