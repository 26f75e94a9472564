using NewsBot.Discord.Rest;
using NewsBot.Discord.Sending;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// Checks a pasted webhook URL with Get Webhook with Token (Discord resources/webhook.mdx) before it is stored,
/// so a typo or a deleted webhook is reported now rather than as failed alerts later. Messages never contain
/// the pasted text: it may hold a valid token.
/// </summary>
public static class WebhookCheck
{
    public sealed record Result(WebhookUrl? Url, DiscordWebhookInfo? Info, string? Problem);

    private const string Command = "/newsadmin addwebhook";

    public static async Task<Result> RunAsync(DiscordRestClient rest, string? pasted, CancellationToken ct)
    {
        if (WebhookUrl.TryParsePasted(pasted) is not { } url)
            return new(null, null, $"{Command}: that is not a Discord webhook URL. Copy it from Server Settings → Integrations → " +
                "Webhooks → Copy Webhook URL; it looks like https://discord.com/api/webhooks/<id>/<token>. Nothing was added.");
        try
        {
            return new(url, await rest.GetWebhookAsync(url.Id, url.Token, ct), null);
        }
        catch (DiscordApiException ex) when (ex.Code is DiscordErrorCodes.UnknownWebhook or DiscordErrorCodes.InvalidWebhookToken
                                             || ex.Status is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Unauthorized)
        {
            return new(url, null, $"{Command}: Discord does not know webhook {url.Id} with that token ({ex.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ((int)ex.Status).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {ex.DiscordMessage}). " +
                "It may have been deleted, or the URL was copied incompletely. Nothing was added.");
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            // The exception names the route with the token masked (DiscordRoute.Display).
            return new(url, null, $"{Command}: Discord did not confirm webhook {url.Id} ({ex.Message}). Nothing was added; please try again.");
        }
    }
}
