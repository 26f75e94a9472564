using Telegram.Bot;

namespace NewsBot.Telegram;

/// <summary>Creates the Telegram.Bot client the adapter uses.</summary>
public static class TelegramBotClientFactory
{
    public static TelegramBotClient Create(TelegramOptions options, HttpClient? httpClient = null)
    {
        if (string.IsNullOrWhiteSpace(options.BotToken))
            throw new InvalidOperationException("telegram: NewsBot:Telegram:BotToken is not set");
        var clientOptions = new TelegramBotClientOptions(options.BotToken, options.ApiBaseUrl)
        {
            // Telegram.Bot retries 429s itself by default, sleeping inside the call for up to a
            // minute. We own retries and pacing instead: TelegramPacer pauses the whole bot for
            // retry_after and the delivery outbox re-sends later, so a 429 must come back to us
            // at once rather than stall a sender (and tests stay deterministic).
            RetryThreshold = 0,
        };
        return new TelegramBotClient(clientOptions, httpClient);
    }
}
