using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsBot.Telegram.Intake;

/// <summary>The path Telegram posts updates to in webhook mode: the path of NewsBot:Telegram:WebhookUrl.</summary>
public static class TelegramWebhookEndpoint
{
    /// <summary>Maps the webhook route in webhook mode; nothing in polling mode (getUpdates and webhooks exclude each other).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        TelegramOptions options;
        try
        {
            options = app.ServiceProvider.GetRequiredService<TelegramOptions>();
        }
        catch (OptionsValidationException)
        {
            // Mapping happens while the host is built, also for CLI verbs that never start it; an invalid
            // configuration stops the start (ValidateOnStart, naming the key), not the build.
            return;
        }
        if (options.Mode == TelegramIntakeMode.Webhook && Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook))
            app.MapPost(hook.AbsolutePath, ReceiveAsync);
    }

    /// <summary>
    /// Bot API: Telegram sends the secret in X-Telegram-Bot-Api-Secret-Token; anything without it is
    /// not Telegram and changes nothing. A 2xx tells Telegram the update was taken.
    /// </summary>
    private static async Task<IResult> ReceiveAsync(HttpContext http, TelegramWebhook webhook, CancellationToken ct)
    {
        if (!webhook.IsValidWebhookSecret(http.Request.Headers[TelegramWebhook.SecretHeader]))
            return Results.Unauthorized();
        var update = await TelegramWebhook.ReadUpdateAsync(http.Request.Body, ct);
        if (update is null) return Results.BadRequest();
        // Any answer but 2xx makes Telegram send the update again later (Bot API setWebhook).
        return await webhook.HandleAsync(update, ct) ? Results.Ok() : Results.StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
