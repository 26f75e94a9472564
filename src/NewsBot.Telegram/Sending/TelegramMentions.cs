using System.Globalization;
using NewsBot.Core.Alerts;
using NewsBot.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Sending;

/// <summary>Members mentioned in a group, and whether a member is still there (personal alerts of shared chats).</summary>
public sealed partial class TelegramAlertSender
{
    /// <summary>
    /// Members named in one mention message. Telegram does not document it, but it notifies only the first
    /// few users mentioned in one message (tag-all bots mention 5 per message for this reason), so everyone
    /// mentioned is notified only when a message names no more than 5.
    /// </summary>
    public const int MentionsPerMessage = 5;

    /// <summary>
    /// Bot API "HTML style": <c>&lt;a href="tg://user?id=…"&gt;</c> mentions a user by id, also one without a
    /// username; the headline links the article. A refused HTML falls back to plain text, as alerts do.
    /// </summary>
    public Task<SendOutcome> SendMentionsAsync(string chatId, MentionMessage message, CancellationToken cancellationToken)
    {
        if (!TelegramChatAddress.TryParse(chatId, out var to)) return Task.FromResult<SendOutcome>(NotAChat(chatId));
        var id = to.ChatId;
        var names = string.Join(", ", message.Members.Select(m =>
            $"<a href=\"tg://user?id={HtmlText.Escape(m.UserId)}\">{HtmlText.Escape(Shown(m))}</a>"));
        var headline = message.Link is null ? $"<b>{HtmlText.Escape(message.Headline)}</b>"
            : $"<b><a href=\"{HtmlText.Escape(message.Link)}\">{HtmlText.Escape(message.Headline)}</a></b>";
        var rendered = new RenderedAlert($"{names}: your filter matched\n{headline}", message.PlainText());
        var preview = new LinkPreviewOptions { IsDisabled = true };
        return DeliverAsync(id, rendered, async (text, mode, ct) =>
            (await _bot.SendMessage(id, text, parseMode: mode, linkPreviewOptions: preview, messageThreadId: to.ThreadId, cancellationToken: ct).ConfigureAwait(false)).MessageId,
            cancellationToken);
    }

    /// <summary>
    /// Bot API getChatMember: status "left" or "kicked" means the user is no longer in the group. (It is only
    /// guaranteed for other users when the bot is an admin; an error is left to the caller, which counts them present.)
    /// </summary>
    public async Task<bool?> IsMemberAsync(string chatId, string userId, CancellationToken cancellationToken)
    {
        // A topic's members are its supergroup's.
        if (!TelegramChatAddress.TryParse(chatId, out var where) || !long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var user)) return null;
        var id = where.ChatId;
        var member = await _bot.GetChatMember(id, user, cancellationToken).ConfigureAwait(false);
        return member.Status is not (ChatMemberStatus.Left or ChatMemberStatus.Kicked);
    }

    /// <summary>A name to show: Telegram text mentions need visible text; the id stands in when no name was known.</summary>
    private static string Shown(MentionedMember member) =>
        string.IsNullOrWhiteSpace(member.Name) ? member.UserId : member.Name.Length <= 64 ? member.Name : member.Name[..64];
}
