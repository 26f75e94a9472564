using Microsoft.Extensions.Logging;
using NewsBot.Core.Commands;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Intake;

/// <summary>
/// Start-up calls: getMe (proves the token), setMyCommands (the command menu), and either
/// setWebhook or deleteWebhook, since getUpdates answers 409 while a webhook is set.
/// </summary>
public sealed partial class TelegramBotStartup(ITelegramBotClient bot, TelegramBotIdentity identity, TelegramOptions options,
    ILogger<TelegramBotStartup> log)
{
    public async Task<User> StartAsync(CancellationToken ct)
    {
        var me = await identity.GetAsync(ct).ConfigureAwait(false);
        LogStarted(me.Username ?? me.FirstName, options.Mode.ToString());

        await bot.SetMyCommands(MenuFor(adminMenu: false), cancellationToken: ct).ConfigureAwait(false);
        foreach (var admin in options.AdminUserIds)
        {
            try
            {
                // Admins see the admin commands too; only possible once they have talked to the bot.
                await bot.SetMyCommands(MenuFor(adminMenu: true), BotCommandScope.Chat(admin), cancellationToken: ct).ConfigureAwait(false);
            }
            catch (ApiRequestException error)
            {
                LogAdminMenuFailed(admin, error.Message);
            }
        }

        if (options.Mode == TelegramIntakeMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(options.WebhookUrl) || string.IsNullOrWhiteSpace(options.WebhookSecret))
                throw new InvalidOperationException("telegram: webhook mode needs NewsBot:Telegram:WebhookUrl and NewsBot:Telegram:WebhookSecret");
            await bot.SetWebhook(options.WebhookUrl, allowedUpdates: TelegramUpdateHandler.AllowedUpdates,
                secretToken: options.WebhookSecret, cancellationToken: ct).ConfigureAwait(false);
        }
        else
        {
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct).ConfigureAwait(false);
        }
        return me;
    }

    /// <summary>Bot API BotCommand: command is 1–32 lowercase letters, digits, underscores; description 1–256 characters.</summary>
    public static IReadOnlyList<BotCommand> MenuFor(bool adminMenu) =>
        CommandCatalog.All.Where(c => c.InMenu && (adminMenu || !c.AdminOnly))
            .Select(c => new BotCommand { Command = c.Name, Description = c.Description })
            .ToList();

    [LoggerMessage(LogLevel.Information, "telegram: bot @{Username} started, receiving updates by {Mode}")]
    private partial void LogStarted(string username, string mode);

    [LoggerMessage(LogLevel.Warning, "telegram: could not set the admin command menu for user {UserId} ({Cause})")]
    private partial void LogAdminMenuFailed(long userId, string cause);
}
