using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Intake;

/// <summary>
/// What the host's webhook endpoint needs: the secret check and the hand-off to the same handler
/// polling uses. The endpoint itself (route, status codes) belongs to the host.
/// </summary>
public sealed class TelegramWebhook(TelegramUpdateHandler handler, TelegramOptions options)
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

    public Task HandleAsync(Update update, CancellationToken ct) => handler.HandleAsync(update, ct);
}
