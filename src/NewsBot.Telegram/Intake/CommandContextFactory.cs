using Microsoft.Extensions.Logging;
using NewsBot.Core.Commands;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Intake;

/// <summary>Fills in who sent a command and with which rights, asking Telegram where needed.</summary>
public sealed partial class CommandContextFactory(
    ITelegramBotClient bot, TelegramBotIdentity identity, ChatAdminCache admins, TelegramOptions options,
    ILogger<CommandContextFactory> log)
{
    public const string PlatformName = "telegram";

    public Task<CommandContext> CreateAsync(Chat chat, User? from, Chat? senderChat, ChatCommand cmd, CancellationToken ct) =>
        CreateAsync(chat, from, senderChat, cmd, null, ct);

    /// <param name="topic">
    /// The forum topic the command was given in: the command applies to the topic (a chat of its own, see
    /// <see cref="TelegramChatAddress"/>), while rights are still the supergroup's (Telegram has no per-topic admins).
    /// </param>
    public async Task<CommandContext> CreateAsync(Chat chat, User? from, Chat? senderChat, ChatCommand cmd, TelegramTopic? topic, CancellationToken ct)
    {
        var kind = chat.Type switch
        {
            ChatType.Group => ChatKind.Group,
            ChatType.Supergroup => ChatKind.Supergroup,
            ChatType.Channel => ChatKind.Channel,
            _ => ChatKind.Private,
        };
        var userId = from?.Id ?? senderChat?.Id ?? 0;
        var isBotAdmin = from is not null && options.AdminUserIds.Contains(from.Id);
        var isChatAdmin = kind switch
        {
            ChatKind.Private => true,
            // Bot API Message.sender_chat: an anonymous group admin posts as the group itself,
            // with a placeholder user in "from", so checking from.id would wrongly refuse them.
            _ when senderChat?.Id == chat.Id => true,
            ChatKind.Group or ChatKind.Supergroup or ChatKind.Channel when from is not null && NeedsRights(cmd) =>
                await admins.IsAdminAsync(chat.Id, from.Id, ct).ConfigureAwait(false),
            _ => false,
        };
        var target = cmd.TargetChannel is { } handle && kind == ChatKind.Private && from is not null
            ? await ResolveTargetAsync(handle, from.Id, ct).ConfigureAwait(false)
            : null;
        var address = new TelegramChatAddress(chat.Id, topic?.ThreadId);
        return new CommandContext(PlatformName, address.ToString(), kind,
            userId.ToString(System.Globalization.CultureInfo.InvariantCulture), isBotAdmin, isChatAdmin)
        {
            UserName = from?.Username ?? from?.FirstName,
            ChatTitle = topic?.Name ?? chat.Title,
            Target = target,
            ParentChatId = topic is null ? null : address.ChatText,
            // Bot API Chat.id: a user's private chat with the bot has the user's id (none for an anonymous admin).
            PrivateChatId = from is not null && senderChat is null ? from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            BotUserName = cmd is ChatCommand.Follow ? (await identity.GetAsync(ct).ConfigureAwait(false)).Username : null,
        };
    }

    /// <summary>Help and unknown commands never need the admin lookup.</summary>
    private static bool NeedsRights(ChatCommand cmd) =>
        cmd is not (ChatCommand.Help or ChatCommand.Unknown or ChatCommand.Malformed);

    /// <summary>Finds the channel and checks that both the user and the bot administer it.</summary>
    private async Task<ChannelTarget?> ResolveTargetAsync(string handle, long userId, CancellationToken ct)
    {
        ChatFullInfo channel;
        try
        {
            channel = await bot.GetChat(handle, ct).ConfigureAwait(false);
        }
        catch (ApiRequestException error)
        {
            LogTargetNotFound(handle, error.Message);
            return null;
        }
        if (channel.Type != ChatType.Channel) return null;
        var me = await identity.GetAsync(ct).ConfigureAwait(false);
        var userIsAdmin = await admins.IsAdminAsync(channel.Id, userId, ct).ConfigureAwait(false);
        var botIsAdmin = await admins.IsAdminAsync(channel.Id, me.Id, ct).ConfigureAwait(false);
        return new ChannelTarget(channel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), handle, channel.Title, userIsAdmin, botIsAdmin);
    }

    [LoggerMessage(LogLevel.Information, "telegram: channel {Handle} not found ({Cause})")]
    private partial void LogTargetNotFound(string handle, string cause);
}
