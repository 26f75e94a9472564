using System.Globalization;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Alerts;
using NewsBot.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Sending;

/// <summary>
/// Sends alerts to Telegram chats: renders, waits for the pacer, sends, and reports what happened
/// as a <see cref="SendOutcome"/> for the host to store. It never retries by itself except the one
/// plain-text re-send when Telegram cannot parse our HTML.
/// </summary>
public sealed partial class TelegramAlertSender : IAlertSender
{
    private readonly ITelegramBotClient _bot;
    private readonly TelegramPacer _pacer;
    private readonly TelegramAlertRenderer _renderer;
    private readonly TelegramOptions _options;
    private readonly ILogger _log;
    private readonly FailureBackoff _networkBackoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    public TelegramAlertSender(ITelegramBotClient bot, TelegramPacer pacer, TelegramAlertRenderer renderer,
        TelegramOptions options, ILogger<TelegramAlertSender> log)
    {
        _bot = bot;
        _pacer = pacer;
        _renderer = renderer;
        _options = options;
        _log = log;
    }

    public string Platform => "telegram";

    public Task<SendOutcome> SendAsync(string chatId, AlertContent alert, CancellationToken cancellationToken) =>
        SendAsync(chatId, alert, _options.LinkPreviews, cancellationToken);

    /// <param name="showLinkPreview">The chat's link-preview setting (Bot API link_preview_options.is_disabled).</param>
    public async Task<SendOutcome> SendAsync(string chatId, AlertContent alert, bool showLinkPreview, CancellationToken cancellationToken)
    {
        if (!long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            return new SendOutcome.Failed($"telegram: chat id '{chatId}' is not a number");

        var rendered = _renderer.Render(alert);
        var preview = new LinkPreviewOptions { IsDisabled = !showLinkPreview };
        var outcome = await TrySendAsync(id, rendered.Html, ParseMode.Html, preview, cancellationToken).ConfigureAwait(false);
        if (outcome is not BadMarkupOutcome bad) return outcome;

        // Our renderer escapes everything, so this means a renderer bug or a server stricter than
        // documented; the reader still gets the news, as plain text.
        LogBadMarkup(id, bad.Description);
        outcome = await TrySendAsync(id, rendered.PlainText, ParseMode.None, preview, cancellationToken).ConfigureAwait(false);
        return outcome is BadMarkupOutcome again ? new SendOutcome.Failed($"telegram chat {id}: {again.Description}") : outcome;
    }

    private async Task<SendOutcome> TrySendAsync(long chatId, string text, ParseMode parseMode, LinkPreviewOptions preview, CancellationToken ct)
    {
        await _pacer.WaitTurnAsync(chatId, ct).ConfigureAwait(false);
        try
        {
            var message = await _bot.SendMessage(chatId, text, parseMode: parseMode, linkPreviewOptions: preview,
                cancellationToken: ct).ConfigureAwait(false);
            _networkBackoff.Reset();
            return new SendOutcome.Sent(message.MessageId.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception error) when (TelegramFailure.From(error, ct) is { } failure)
        {
            return ToOutcome(chatId, failure, error);
        }
    }

    private SendOutcome ToOutcome(long chatId, TelegramFailure failure, Exception error)
    {
        switch (failure.Kind)
        {
            case TelegramFailureKind.ChatGone:
                LogChatGone(chatId, failure.Description);
                return new SendOutcome.ChatGone(failure.Description);
            case TelegramFailureKind.ChatMoved:
                LogChatMoved(chatId, failure.MigrateToChatId!.Value);
                return new SendOutcome.ChatMoved(failure.MigrateToChatId.Value.ToString(CultureInfo.InvariantCulture));
            case TelegramFailureKind.BadMarkup:
                return new BadMarkupOutcome(failure.Description);
            case TelegramFailureKind.Flood:
                // Telegram: 429 retry_after applies to the bot, so hold every chat, not just this one.
                _pacer.PauseAll(failure.RetryAfter!.Value);
                LogFlood(chatId, failure.RetryAfter.Value.TotalSeconds);
                return new SendOutcome.RetryLater(failure.RetryAfter.Value, $"telegram: {failure.Description}");
            case TelegramFailureKind.Unauthorized:
                // A wrong or revoked token: every send fails alike, so slow the whole bot down.
                var wait = TimeSpan.FromMinutes(5);
                _pacer.PauseAll(wait);
                LogUnauthorized(failure.Description);
                return new SendOutcome.RetryLater(wait, $"telegram: bot token rejected ({failure.Description})");
            case TelegramFailureKind.Transient:
                var delay = _networkBackoff.NextDelay();
                LogTransient(chatId, TelegramErrorText.Describe(error, _options.BotToken), delay.TotalSeconds);
                return new SendOutcome.RetryLater(delay, $"telegram: {failure.Description}");
            default:
                return new SendOutcome.Failed($"telegram chat {chatId}: {failure.Description}");
        }
    }

    /// <summary>Internal marker: the HTML was refused and the plain-text fallback should run.</summary>
    private sealed record BadMarkupOutcome(string Description) : SendOutcome;

    [LoggerMessage(LogLevel.Warning, "telegram chat {ChatId}: HTML alert refused ({Cause}); re-sending as plain text")]
    private partial void LogBadMarkup(long chatId, string cause);

    [LoggerMessage(LogLevel.Information, "telegram chat {ChatId}: chat is gone ({Cause}); stop sending until it sends /start")]
    private partial void LogChatGone(long chatId, string cause);

    [LoggerMessage(LogLevel.Information, "telegram chat {ChatId}: group became supergroup {NewChatId}")]
    private partial void LogChatMoved(long chatId, long newChatId);

    [LoggerMessage(LogLevel.Warning, "telegram chat {ChatId}: flood limit hit, whole bot paused for {Seconds} s")]
    private partial void LogFlood(long chatId, double seconds);

    [LoggerMessage(LogLevel.Error, "telegram: the Bot API rejected the bot token ({Cause}); check NewsBot:Telegram:BotToken")]
    private partial void LogUnauthorized(string cause);

    [LoggerMessage(LogLevel.Warning, "telegram chat {ChatId}: send failed ({Cause}); retry in {Seconds:F1} s")]
    private partial void LogTransient(long chatId, string cause, double seconds);
}
