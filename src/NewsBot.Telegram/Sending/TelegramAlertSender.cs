using System.Globalization;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Alerts;
using NewsBot.Core.Platforms;
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
public sealed partial class TelegramAlertSender : IChatPlatform
{
    private readonly ITelegramBotClient _bot;
    private readonly TelegramPacer _pacer;
    private readonly TelegramOptions _options;
    private readonly ILogger _log;
    private readonly FailureBackoff _networkBackoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    public TelegramAlertSender(ITelegramBotClient bot, TelegramPacer pacer, TelegramOptions options, ILogger<TelegramAlertSender> log)
    {
        _bot = bot;
        _pacer = pacer;
        _options = options;
        _log = log;
    }

    public const string PlatformName = "telegram";

    public string Name => PlatformName;

    /// <summary>
    /// Bot API: sendMessage text is 1-4096 characters after entities are parsed, editMessageText edits a
    /// sent message, and a user who started the bot is reached in the private chat with their id.
    /// </summary>
    public PlatformCapabilities Capabilities { get; } = new()
    {
        NeedsLeader = true, CanEdit = true, CanMessageUser = true, MaxTextLength = 4096, Markup = PlatformMarkup.TelegramHtml,
        MaxMentionsPerMessage = MentionsPerMessage,
    };

    /// <summary>A private chat's id is the user's id (Bot API, Chat.id), so an admin is reached as a chat.</summary>
    public IReadOnlyList<PlatformRecipient> AdminRecipients =>
        _options.AdminUserIds.Select(id => new PlatformRecipient(id.ToString(CultureInfo.InvariantCulture), IsUser: false)).ToList();

    /// <summary>The user's private chat with the bot has the user's id; it exists once they started the bot.</summary>
    public Task<SendOutcome> SendTextToUserAsync(string userId, string text, CancellationToken cancellationToken) =>
        SendTextAsync(userId, text, cancellationToken);

    public Task<SendOutcome> SendAsync(string chatId, AlertContent alert, CancellationToken cancellationToken) =>
        SendAsync(chatId, alert, _options.LinkPreviews, cancellationToken);

    /// <param name="showLinkPreview">The chat's link-preview setting (Bot API link_preview_options.is_disabled).</param>
    public Task<SendOutcome> SendAsync(string chatId, AlertContent alert, bool showLinkPreview, CancellationToken cancellationToken)
    {
        if (!TelegramChatAddress.TryParse(chatId, out var to)) return Task.FromResult<SendOutcome>(NotAChat(chatId));
        var preview = new LinkPreviewOptions { IsDisabled = !showLinkPreview };
        var keyboard = TelegramAlertRenderer.Keyboard(alert);
        return DeliverAsync(to.ChatId, TelegramAlertRenderer.Render(alert), async (text, mode, ct) =>
            (await _bot.SendMessage(to.ChatId, text, parseMode: mode, linkPreviewOptions: preview, replyMarkup: keyboard, messageThreadId: to.ThreadId, cancellationToken: ct).ConfigureAwait(false)).MessageId,
            cancellationToken);
    }

    /// <summary>
    /// Edits a sent alert in place (editMessageText), e.g. to add "also reported by"; an edit
    /// never notifies the chat again.
    /// </summary>
    public async Task<SendOutcome> UpdateAsync(string chatId, string? messageId, AlertContent alert, CancellationToken cancellationToken)
    {
        // An edit names the message, which already lives in its topic: no message_thread_id.
        if (!TelegramChatAddress.TryParse(chatId, out var to)) return NotAChat(chatId);
        var id = to.ChatId;
        if (!int.TryParse(messageId, NumberStyles.None, CultureInfo.InvariantCulture, out var message))
            return new SendOutcome.Failed($"telegram chat {id}: no message id to edit ('{messageId}')");
        var preview = new LinkPreviewOptions { IsDisabled = !_options.LinkPreviews };
        // Bot API editMessageText: a message edited without reply_markup loses its inline keyboard, so it goes every time.
        var keyboard = TelegramAlertRenderer.Keyboard(alert);
        var outcome = await DeliverAsync(id, TelegramAlertRenderer.Render(alert), async (text, mode, ct) =>
            (await _bot.EditMessageText(id, message, text, parseMode: mode, linkPreviewOptions: preview, replyMarkup: keyboard, cancellationToken: ct).ConfigureAwait(false)).MessageId,
            cancellationToken).ConfigureAwait(false);
        // "message is not modified" means the chat already shows this text: done.
        return outcome is SendOutcome.Sent { MessageId: null } ? new SendOutcome.Sent(messageId) : outcome;
    }

    /// <summary>Bot API sendMessage: 1-4096 characters after entity parsing; plain text has no entities.</summary>
    public int MaxTextLength => Capabilities.MaxTextLength;

    /// <summary>A digest, as plain text (no parse mode: nothing in it is markup).</summary>
    public async Task<SendOutcome> SendTextAsync(string chatId, string text, CancellationToken cancellationToken)
    {
        if (!TelegramChatAddress.TryParse(chatId, out var to)) return NotAChat(chatId);
        var id = to.ChatId;
        var preview = new LinkPreviewOptions { IsDisabled = true };
        var outcome = await TryAsync(id, text, ParseMode.None, async (t, _, ct) =>
            (await _bot.SendMessage(id, t, linkPreviewOptions: preview, messageThreadId: to.ThreadId, cancellationToken: ct).ConfigureAwait(false)).MessageId,
            cancellationToken).ConfigureAwait(false);
        return outcome is BadMarkupOutcome bad ? new SendOutcome.Failed($"telegram chat {id}: {bad.Description}") : outcome;
    }

    private static SendOutcome.Failed NotAChat(string chatId) =>
        new SendOutcome.Failed($"telegram: chat id '{chatId}' is not a number (or number:topic)");

    private async Task<SendOutcome> DeliverAsync(long chatId, RenderedAlert rendered, Func<string, ParseMode, CancellationToken, Task<int>> call, CancellationToken ct)
    {
        var outcome = await TryAsync(chatId, rendered.Html, ParseMode.Html, call, ct).ConfigureAwait(false);
        if (outcome is not BadMarkupOutcome bad) return outcome;

        // Our renderer escapes everything, so this means a renderer bug or a server stricter than
        // documented; the reader still gets the news, as plain text.
        LogBadMarkup(chatId, bad.Description);
        outcome = await TryAsync(chatId, rendered.PlainText, ParseMode.None, call, ct).ConfigureAwait(false);
        return outcome is BadMarkupOutcome again ? new SendOutcome.Failed($"telegram chat {chatId}: {again.Description}") : outcome;
    }

    private async Task<SendOutcome> TryAsync(long chatId, string text, ParseMode parseMode, Func<string, ParseMode, CancellationToken, Task<int>> call, CancellationToken ct)
    {
        await _pacer.WaitTurnAsync(chatId, ct).ConfigureAwait(false);
        try
        {
            var messageId = await call(text, parseMode, ct).ConfigureAwait(false);
            _networkBackoff.Reset();
            return new SendOutcome.Sent(messageId.ToString(CultureInfo.InvariantCulture));
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
            case TelegramFailureKind.NotModified:
                return new SendOutcome.Sent(null);
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
