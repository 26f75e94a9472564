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
    /// Queues the update behind its chat's earlier updates. Ran ends true once it was handled, false when
    /// it never started (stop came first, or the chat's lane was full: then Queued is false too).
    /// </summary>
    public (bool Queued, Task<bool> Ran) Dispatch(Update update, CancellationToken dontStart, CancellationToken handling)
    {
        var queued = _lanes.TryRun(ChatKey(update), () => handler.HandleAsync(update, handling), dontStart, out var ran);
        return (queued, ran);
    }

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
