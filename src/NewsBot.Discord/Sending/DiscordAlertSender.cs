using NewsBot.Core.Alerts;
using NewsBot.Core.Delivery;
using NewsBot.Core.Platforms;
using NewsBot.Discord.Rendering;
using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Sending;

/// <summary>Delivers alerts through the bot: the chat id is the Discord channel id (a guild channel or a DM channel).</summary>
public sealed partial class DiscordAlertSender(DiscordRestClient rest, DiscordOptions? options = null) : IChatPlatform
{
    public const string PlatformName = "discord";
    private readonly SendOutcomeMapper _outcomes = new();

    public string Name => PlatformName;

    public PlatformCapabilities Capabilities { get; } =
        new()
        {
            NeedsLeader = true, CanEdit = true, CanMessageUser = true, MaxTextLength = DigestMarkdown.MaxContentLength, Markup = PlatformMarkup.DiscordMarkdown,
            MaxMentionsPerMessage = MentionsPerMessage,
        };

    /// <summary>Admins are users, reached through a DM channel opened when a notice is sent.</summary>
    public IReadOnlyList<PlatformRecipient> AdminRecipients => (options?.AdminUserIds ?? []).Select(id => new PlatformRecipient(id, IsUser: true)).ToList();

    public async Task<SendOutcome> SendAsync(string chatId, AlertContent alert, CancellationToken cancellationToken)
    {
        try
        {
            return _outcomes.Sent(chatId, await rest.CreateMessageAsync(chatId, AlertEmbedRenderer.RenderWithButtons(alert), cancellationToken));
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            return _outcomes.Map(chatId, ex);
        }
        catch (ArgumentException ex)
        {
            return new SendOutcome.ChatGone($"Discord: chat id is not a channel id: {ex.Message}");
        }
    }

    /// <summary>Commands are slash commands under /news (<c>/news start</c>).</summary>
    public NewsBot.Core.Commands.ICommandNaming CommandNaming => Interactions.DiscordCommandNaming.Instance;

    /// <summary>Digest lines with markdown escaped, so headlines show as written.</summary>
    public DigestLayout DigestLayout => DigestMarkdown.Layout;

    public async Task<SendOutcome> SendTextAsync(string chatId, string text, CancellationToken cancellationToken)
    {
        try
        {
            return _outcomes.Sent(chatId, await rest.CreateMessageAsync(chatId, DiscordMessageBody.PlainText(text), cancellationToken));
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            return _outcomes.Map(chatId, ex);
        }
    }

    /// <summary>
    /// Sends plain text to a user (an admin notice): opens the DM channel first, which returns the
    /// existing one if there is one (Discord resources/user.mdx "Create DM").
    /// </summary>
    public async Task<SendOutcome> SendTextToUserAsync(string userId, string text, CancellationToken cancellationToken)
    {
        string channelId;
        try
        {
            channelId = await rest.OpenDmAsync(userId, cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            return _outcomes.Map("user:" + userId, ex);
        }
        return await SendTextAsync(channelId, text, cancellationToken);
    }

    /// <summary>Edits the sent embed in place (PATCH message), so "also reported by" never notifies twice.</summary>
    public async Task<SendOutcome> UpdateAsync(string chatId, string? messageId, AlertContent alert, CancellationToken cancellationToken)
    {
        if (messageId is null) return new SendOutcome.Failed("Discord: the alert's message id is unknown, so it cannot be edited");
        try
        {
            return _outcomes.Sent(chatId, await rest.EditMessageAsync(chatId, messageId, AlertEmbedRenderer.RenderWithButtons(alert), cancellationToken));
        }
        catch (DiscordApiException ex) when (ex.Code == 10008)
        {
            return new SendOutcome.Failed("Discord: the alert's message was deleted, so it cannot be edited");
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            return _outcomes.Map(chatId, ex);
        }
    }
}
