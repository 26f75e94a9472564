using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NewsBot.Telegram;

/// <summary>Checks <c>NewsBot:Telegram</c> at start; each failure names the key, and never repeats the token.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        var errors = new List<string>();
        const string s = TelegramOptions.Section;
        // Telegram tokens look like "123456:ABC..."; the message never repeats the token itself.
        if (!string.IsNullOrEmpty(o.BotToken) && !BotTokenShape().IsMatch(o.BotToken))
            errors.Add($"{s}:BotToken is not a Telegram bot token (expected digits, a colon, then letters)");
        if (o.ApiBaseUrl is { Length: > 0 } api && (!Uri.TryCreate(api, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors.Add($"{s}:ApiBaseUrl must be an absolute http(s) URL");
        if (o.Mode == TelegramIntakeMode.Webhook)
        {
            if (!Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
                errors.Add($"{s}:WebhookUrl must be a public https URL in webhook mode");
            if (string.IsNullOrEmpty(o.WebhookSecret) || !WebhookSecretShape().IsMatch(o.WebhookSecret))
                errors.Add($"{s}:WebhookSecret is required in webhook mode: 1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (o.PollTimeoutSeconds is < 0 or > 50) errors.Add($"{s}:PollTimeoutSeconds must be between 0 and 50 (Telegram caps long polls at 50 s)");
        if (o.Pacing.MessagesPerSecond <= 0) errors.Add($"{s}:Pacing:MessagesPerSecond must be positive");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenShape();

    /// <summary>Bot API setWebhook: secret_token is 1-256 characters of A-Z, a-z, 0-9, _ and -.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretShape();
}
