using NewsBot.Telegram;
using NewsBot.Telegram.Intake;

namespace NewsBot.Platforms;

public static class PlatformEndpoints
{
    /// <summary>The path Telegram posts updates to in webhook mode: the path of NewsBot:Telegram:WebhookUrl.</summary>
    public static IEndpointRouteBuilder MapNewsBotPlatforms(this IEndpointRouteBuilder app)
    {
        var telegram = app.ServiceProvider.GetService<TelegramOptions>();
        if (telegram is { Mode: TelegramIntakeMode.Webhook } && Uri.TryCreate(telegram.WebhookUrl, UriKind.Absolute, out var hook))
            app.MapPost(hook.AbsolutePath, ReceiveTelegramUpdateAsync);
        return app;
    }

    /// <summary>
    /// Bot API: Telegram sends the secret in X-Telegram-Bot-Api-Secret-Token; anything without it is
    /// not Telegram and changes nothing. A 2xx tells Telegram the update was taken.
    /// </summary>
    private static async Task<IResult> ReceiveTelegramUpdateAsync(HttpContext http, TelegramWebhook webhook, CancellationToken ct)
    {
        if (!webhook.IsValidWebhookSecret(http.Request.Headers[TelegramWebhook.SecretHeader]))
            return Results.Unauthorized();
        var update = await TelegramWebhook.ReadUpdateAsync(http.Request.Body, ct);
        if (update is null) return Results.BadRequest();
        // Any answer but 2xx makes Telegram send the update again later (Bot API setWebhook).
        return await webhook.HandleAsync(update, ct) ? Results.Ok() : Results.StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
