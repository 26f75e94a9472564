using NewsBot.Core.Alerts;
using NewsBot.Core.Delivery;
using NewsBot.Core.Platforms;
using NewsBot.Discord.Rendering;
using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Sending;

/// <summary>
/// Outbound-only delivery to a Discord webhook for servers that do not want a bot. The chat id is the webhook
/// URL (…/api/webhooks/{id}/{token}); it is sent to the configured API base so tests can use a fake server.
/// The URL holds a secret, so outcomes name the webhook id only.
/// </summary>
public sealed class DiscordWebhookSender(DiscordRestClient rest) : IChatPlatform
{
    public const string PlatformName = "discord-webhook";
    private readonly SendOutcomeMapper _outcomes = new();

    public string Name => PlatformName;

    /// <summary>A webhook has no bot account behind it: any instance may send, and there is nobody to message privately.</summary>
    public PlatformCapabilities Capabilities { get; } =
        new() { NeedsLeader = false, CanEdit = true, CanMessageUser = false, MaxTextLength = DigestMarkdown.MaxContentLength, Markup = PlatformMarkup.DiscordMarkdown };

    public IReadOnlyList<PlatformRecipient> AdminRecipients => [];

    public Task<SendOutcome> SendAsync(string chatId, AlertContent alert, CancellationToken cancellationToken) =>
        ExecuteAsync(chatId, AlertEmbedRenderer.Render(alert), cancellationToken);

    /// <summary>Digest lines with markdown escaped, so headlines show as written.</summary>
    public DigestLayout DigestLayout => DigestMarkdown.Layout;

    public Task<SendOutcome> SendTextAsync(string chatId, string text, CancellationToken cancellationToken) =>
        ExecuteAsync(chatId, DiscordMessageBody.PlainText(text), cancellationToken);

    /// <summary>Posts through the webhook the chat id names; Discord's answer becomes the delivery outcome.</summary>
    private async Task<SendOutcome> ExecuteAsync(string chatId, DiscordMessageBody message, CancellationToken cancellationToken)
    {
        if (WebhookUrl.TryParse(chatId) is not { } webhook)
            return new SendOutcome.ChatGone("Discord webhook: the destination is not a webhook URL (…/api/webhooks/{id}/{token})");
        try
        {
            return _outcomes.Sent(webhook.Id, await rest.ExecuteWebhookAsync(webhook.Id, webhook.Token, message, cancellationToken));
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            return _outcomes.Map(webhook.Id, ex);
        }
    }

    /// <summary>Edits the webhook's message in place for "also reported by".</summary>
    public async Task<SendOutcome> UpdateAsync(string chatId, string? messageId, AlertContent alert, CancellationToken cancellationToken)
    {
        if (WebhookUrl.TryParse(chatId) is not { } webhook)
            return new SendOutcome.ChatGone("Discord webhook: the destination is not a webhook URL (…/api/webhooks/{id}/{token})");
        if (messageId is null) return new SendOutcome.Failed("Discord webhook: the alert's message id is unknown, so it cannot be edited");
        try
        {
            return _outcomes.Sent(webhook.Id, await rest.EditWebhookMessageAsync(webhook.Id, webhook.Token, messageId, AlertEmbedRenderer.Render(alert), cancellationToken));
        }
        catch (DiscordApiException ex) when (ex.Code == 10008)
        {
            return new SendOutcome.Failed("Discord webhook: the alert's message was deleted, so it cannot be edited");
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            return _outcomes.Map(webhook.Id, ex);
        }
    }
}

/// <summary>A webhook URL split into id and token (Discord resources/webhook.mdx "Execute Webhook").</summary>
public sealed record WebhookUrl(string Id, string Token)
{
    public static WebhookUrl? TryParse(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return null;
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var at = Array.IndexOf(segments, "webhooks");
        if (at < 0 || segments.Length != at + 3) return null;
        var (id, token) = (segments[at + 1], segments[at + 2]);
        return id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit) && token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? new WebhookUrl(id, token)
            : null;
    }

    /// <summary>The hosts Discord shows webhook URLs on (the app, its test builds and the old domain).</summary>
    private static readonly string[] DiscordHosts = ["discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com"];

    /// <summary>A URL a user pasted: https on a Discord host, …/api/webhooks/{id}/{token} (optionally …/api/v10/webhooks/…).</summary>
    public static WebhookUrl? TryParsePasted(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && DiscordHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase) && uri.Query.Length == 0
            ? TryParse(url)
            : null;

    /// <summary>The URL in the form Discord shows it; this is a secret and is stored, never shown.</summary>
    public string Canonical => $"https://discord.com/api/webhooks/{Id}/{Token}";

    /// <summary>What replies, logs and admin pages show instead of the URL: the id, never the token.</summary>
    public string Masked => $"https://discord.com/api/webhooks/{Id}/••••";

    /// <summary><paramref name="externalId"/> masked when it is a webhook URL; other chat ids are not secret.</summary>
    public static string MaskIfWebhook(string externalId) => TryParse(externalId)?.Masked ?? externalId;

    public override string ToString() => $"webhook {Id}";
}
