using Microsoft.Extensions.Logging;
using NewsBot.Core.Commands;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Intake;

/// <summary>
/// The one handler for every update, whether it came from polling or the webhook: commands in
/// messages and button presses become <see cref="ChatCommand"/>s, run through
/// <see cref="CommandRouter"/>, and the reply goes back to the chat.
/// It never throws for a bad update: a failure is logged with the update id and the next update
/// is handled as usual.
/// </summary>
public sealed partial class TelegramUpdateHandler(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    CommandContextFactory contexts,
    TelegramReplyWriter replies,
    ICommandExecutor executor,
    TelegramOptions options,
    ILogger<TelegramUpdateHandler> log,
    CommandRateLimiter? limiter = null)
{
    /// <summary>The update types we ask for (getUpdates/setWebhook allowed_updates).</summary>
    public static IReadOnlyList<UpdateType> AllowedUpdates { get; } = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        try
        {
            if (update.Message is { } message) await OnMessageAsync(message, ct).ConfigureAwait(false);
            else if (update.CallbackQuery is { } callback) await OnCallbackAsync(callback, ct).ConfigureAwait(false);
            else if (update.MyChatMember is { } membership) LogMembership(membership.Chat.Id, membership.NewChatMember.Status.ToString());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            LogUpdateFailed(update.Id, TelegramErrorText.Describe(error, options.BotToken));
        }
    }

    private async Task OnMessageAsync(Message message, CancellationToken ct)
    {
        if (message.Text is not { } text || message.Chat.Type == ChatType.Channel) return;
        var me = await identity.GetAsync(ct).ConfigureAwait(false);
        var command = ChatCommandParser.Parse(text, me.Username);
        // In a private chat every message is for us; in groups plain chatter is not.
        var notUnderstood = command is null && message.Chat.Type == ChatType.Private && !text.TrimStart().StartsWith('/');
        if (command is null && !notUnderstood) return;
        var where = TelegramTopic.AddressOf(message);
        if (!await WithinRateAsync(where, message.From, message.SenderChat, ct).ConfigureAwait(false)) return;
        if (command is null)
            await replies.SendAsync(where, CommandReplies.NotUnderstood(), ct).ConfigureAwait(false);
        else
            await RunAsync(message, message.From, message.SenderChat, command, ct).ConfigureAwait(false);
    }

    private async Task OnCallbackAsync(CallbackQuery callback, CancellationToken ct)
    {
        var command = callback.Message is null ? null : ChatCommandParser.Parse(callback.Data);
        if (command is ChatCommand.MuteStory or ChatCommand.Why or ChatCommand.Pause { For: not null })
        {
            await OnAlertButtonAsync(callback, callback.Message!, command, ct).ConfigureAwait(false);
            return;
        }
        // Bot API: clients show a progress bar until answerCallbackQuery, so answer every press
        // first, even when the button turns out to be stale or the command fails.
        await AnswerAsync(callback.Id, null, false, ct).ConfigureAwait(false);
        if (callback.Message is not { } message || command is null) return;
        // A button under a message in a forum topic acts on that topic, like a command typed there.
        if (!await WithinRateAsync(TelegramTopic.AddressOf(message), callback.From, null, ct).ConfigureAwait(false)) return;
        await RunAsync(message, callback.From, null, command, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A press on an alert's controls is answered where the user pressed: a toast (answerCallbackQuery text, at most
    /// 200 characters), "Why?" as an alert box the user closes (show_alert). A longer answer comes as a reply.
    /// </summary>
    private async Task OnAlertButtonAsync(CallbackQuery callback, Message message, ChatCommand command, CancellationToken ct)
    {
        CommandReply? reply = null;
        try
        {
            // Over the rate limit the press is told so in its toast, never in the (maybe public) chat.
            reply = Rate(message.Chat.Id, callback.From, null) switch
            {
                RateDecision.Refused refused => CommandReplies.TooFast(refused.RetryIn),
                RateDecision.Dropped => null,
                _ => await ReplyToAsync(message, callback.From, null, command, ct).ConfigureAwait(false),
            };
        }
        finally
        {
            var text = reply?.Body.Render(TextCommandNaming.Instance);
            var fits = text is not null && Rendering.TextLength.Of(text) <= MaxCallbackAnswerLength;
            await AnswerAsync(callback.Id, fits ? text : null, fits && command is ChatCommand.Why, ct).ConfigureAwait(false);
            if (reply is not null && !fits) await replies.SendAsync(TelegramTopic.AddressOf(message), reply, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Bot API answerCallbackQuery: text is 0-200 characters.</summary>
    private const int MaxCallbackAnswerLength = 200;

    private async Task AnswerAsync(string callbackId, string? text, bool showAlert, CancellationToken ct)
    {
        try
        {
            await bot.AnswerCallbackQuery(callbackId, text, showAlert, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogAnswerFailed(callbackId, TelegramErrorText.Describe(error, options.BotToken));
        }
    }

    /// <summary>
    /// Checked before any work (admin lookups, the database): the first command over the limit gets
    /// one reply, later ones nothing until the user's bucket refills.
    /// </summary>
    private async Task<bool> WithinRateAsync(TelegramChatAddress where, User? from, Chat? senderChat, CancellationToken ct)
    {
        switch (Rate(where.ChatId, from, senderChat))
        {
            case RateDecision.Refused refused:
                await replies.SendAsync(where, CommandReplies.TooFast(refused.RetryIn), ct).ConfigureAwait(false);
                return false;
            case RateDecision.Dropped:
                return false;
            default:
                return true;
        }
    }

    private RateDecision? Rate(long chatId, User? from, Chat? senderChat)
    {
        if (limiter is null) return null;
        // An anonymous group admin posts as the group (sender_chat); they share one bucket.
        var sender = senderChat?.Id ?? from?.Id ?? chatId;
        var decision = limiter.Check(CommandContextFactory.PlatformName + ":" + sender.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (decision is RateDecision.Refused) LogRateLimited(sender, chatId);
        return decision;
    }

    private async Task RunAsync(Message message, User? from, Chat? senderChat, ChatCommand command, CancellationToken ct) =>
        await replies.SendAsync(TelegramTopic.AddressOf(message), await ReplyToAsync(message, from, senderChat, command, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

    private async Task<CommandReply> ReplyToAsync(Message message, User? from, Chat? senderChat, ChatCommand command, CancellationToken ct)
    {
        var chat = message.Chat;
        var context = await contexts.CreateAsync(chat, from, senderChat, command, TelegramTopic.Of(message), ct).ConfigureAwait(false);
        try
        {
            return await CommandRouter.RouteAsync(context, command, executor, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogCommandFailed(command.Name, chat.Id, TelegramErrorText.Describe(error, options.BotToken));
            return CommandReplies.Failed(command);
        }
    }

    [LoggerMessage(LogLevel.Error, "telegram update {UpdateId}: handling failed ({Cause}); continuing with the next update")]
    private partial void LogUpdateFailed(int updateId, string cause);

    [LoggerMessage(LogLevel.Error, "telegram chat {ChatId}: /{Command} failed ({Cause})")]
    private partial void LogCommandFailed(string command, long chatId, string cause);

    [LoggerMessage(LogLevel.Warning, "telegram: answerCallbackQuery {CallbackId} failed ({Cause})")]
    private partial void LogAnswerFailed(string callbackId, string cause);

    [LoggerMessage(LogLevel.Information, "telegram user {UserId} in chat {ChatId}: commands rate-limited; dropping more until the bucket refills")]
    private partial void LogRateLimited(long userId, long chatId);

    [LoggerMessage(LogLevel.Information, "telegram chat {ChatId}: bot membership is now {Status}")]
    private partial void LogMembership(long chatId, string status);
}
