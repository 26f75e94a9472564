using Telegram.Bot;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Intake;

/// <summary>The bot's own user (getMe), fetched once: its username decides which /cmd@BotName is ours.</summary>
public sealed class TelegramBotIdentity(ITelegramBotClient bot) : IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private User? _me;

    public async Task<User> GetAsync(CancellationToken ct)
    {
        if (_me is { } known) return known;
        await _once.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return _me ??= await bot.GetMe(ct).ConfigureAwait(false);
        }
        finally
        {
            _once.Release();
        }
    }

    public void Dispose() => _once.Dispose();
}
