using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace NewsBot.Telegram.Intake;

/// <summary>
/// "Is this user an administrator of that chat?" via getChatMember (status creator or
/// administrator), remembered briefly so a busy group does not cost one API call per message.
/// Bot API: getChatMember is only guaranteed for other users when the bot is a chat admin, so a
/// refused lookup counts as "not an admin" (fail closed) and is logged.
/// </summary>
public sealed partial class ChatAdminCache(ITelegramBotClient bot, TimeProvider time, TimeSpan cacheTime, ILogger<ChatAdminCache> log)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<(long Chat, long User), (bool IsAdmin, DateTimeOffset Until)> _known = new();

    public async Task<bool> IsAdminAsync(long chatId, long userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue((chatId, userId), out var entry) && entry.Until > now) return entry.IsAdmin;
        bool isAdmin;
        try
        {
            var member = await bot.GetChatMember(chatId, userId, ct).ConfigureAwait(false);
            isAdmin = member.IsAdmin;
        }
        catch (ApiRequestException error)
        {
            LogLookupFailed(chatId, userId, error.Message);
            isAdmin = false;
        }
        if (_known.Count >= MaxEntries)
            foreach (var stale in _known.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
                _known.TryRemove(stale, out _);
        _known[(chatId, userId)] = (isAdmin, now + cacheTime);
        return isAdmin;
    }

    [LoggerMessage(LogLevel.Warning, "telegram chat {ChatId}: cannot check whether user {UserId} is an admin ({Cause}); treating as not an admin")]
    private partial void LogLookupFailed(long chatId, long userId, string cause);
}
