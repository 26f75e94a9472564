using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Intake;

/// <summary>
/// What the webhook endpoint needs: the secret check and the hand-off to the same handler polling
/// uses. The endpoint itself (route, status codes) is <see cref="TelegramWebhookEndpoint"/>.
/// </summary>
public sealed class TelegramWebhook(TelegramUpdateDispatcher dispatcher, TelegramOptions options)
{
    /// <summary>The header Telegram puts the setWebhook secret_token in.</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// True when the header matches the configured secret. Compared in constant time so response
    /// timing does not reveal how much of a guess was right. Without a configured secret every
    /// request is refused.
    /// </summary>
    public bool IsValidWebhookSecret(string? header)
    {
        if (string.IsNullOrEmpty(options.WebhookSecret) || header is null) return false;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header)), SHA256.HashData(Encoding.UTF8.GetBytes(options.WebhookSecret)));
    }

    /// <summary>Reads a webhook body (a JSON Update); null when it is not one.</summary>
    public static async Task<Update?> ReadUpdateAsync(Stream body, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<Update>(body, JsonBotAPI.Options, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the update in its chat's lane and returns once it was handled, so the 2xx that tells
    /// Telegram the update was taken comes only after it was (a restart in between gets it again).
    /// Telegram sends a chat's next update only after the previous answer, and sends other chats'
    /// updates over parallel connections (setWebhook max_connections), which run side by side here.
    /// False when the chat has too many commands waiting; answer with an error so Telegram retries later.
    /// </summary>
    public async Task<bool> HandleAsync(Update update, CancellationToken ct)
    {
        var (queued, ran) = dispatcher.Dispatch(update, ct, ct);
        if (!queued) return false;
        return await ran.ConfigureAwait(false);
    }
}
