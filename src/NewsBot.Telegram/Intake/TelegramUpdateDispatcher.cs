using System.Globalization;
using NewsBot.Core.Commands;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Intake;

/// <summary>
/// Hands updates from polling and the webhook to <see cref="TelegramUpdateHandler"/> through
/// <see cref="ChatLanes"/>: in order within a chat, side by side across chats, so one slow command
/// never stalls the others. The lanes may be shared with other platforms (the host registers one).
/// </summary>
public sealed class TelegramUpdateDispatcher(TelegramUpdateHandler handler, ChatLanes? lanes = null)
{
    private readonly ChatLanes _lanes = lanes ?? new ChatLanes();

    /// <summary>
    /// Queues the update behind its chat's earlier updates. <paramref name="ran"/> ends true once it
    /// was handled, false when it never started (stop came first, or the chat's lane was full:
    /// then the method returns false too).
    /// </summary>
    public bool TryDispatch(Update update, CancellationToken dontStart, CancellationToken handling, out Task<bool> ran) =>
        _lanes.TryRun(ChatKey(update), () => handler.HandleAsync(update, handling), dontStart, out ran);

    /// <summary>The chat an update belongs to; updates without one share a lane of their own.</summary>
    public static string ChatKey(Update update)
    {
        var chatId = update.Message?.Chat.Id
            ?? update.CallbackQuery?.Message?.Chat.Id
            ?? update.CallbackQuery?.From.Id
            ?? update.MyChatMember?.Chat.Id;
        return chatId is { } id ? "telegram:" + id.ToString(CultureInfo.InvariantCulture) : "telegram:-";
    }
}
