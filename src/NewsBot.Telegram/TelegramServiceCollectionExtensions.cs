using NewsBot.Core.Platforms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Alerts;
using NewsBot.Telegram.Intake;
using NewsBot.Telegram.Rendering;
using NewsBot.Telegram.Sending;
using Telegram.Bot;

namespace NewsBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Telegram adapter as singletons: one client, one pacer shared by alerts and
    /// command replies (Telegram's limits count every message), the update handler for polling
    /// and webhook. The host supplies <see cref="Core.Commands.ICommandExecutor"/>, logging and
    /// optionally a <see cref="TimeProvider"/>; it runs <see cref="TelegramBotStartup"/> once and
    /// <see cref="TelegramPolling.RunAsync"/> (polling mode) or maps a webhook endpoint to
    /// <see cref="TelegramWebhook"/>.
    /// </summary>
    public static IServiceCollection AddTelegramAdapter(this IServiceCollection services, TelegramOptions options)
    {
        static TimeProvider Time(IServiceProvider sp) => sp.GetService<TimeProvider>() ?? TimeProvider.System;

        services.AddSingleton(options);
        services.AddSingleton<ITelegramBotClient>(_ => TelegramBotClientFactory.Create(options));
        services.AddSingleton(sp => new TelegramPacer(options.Pacing, Time(sp)));
        services.AddSingleton<TelegramAlertRenderer>();
        services.AddSingleton<TelegramAlertSender>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TelegramAlertSender>());
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton(sp => new ChatAdminCache(sp.GetRequiredService<ITelegramBotClient>(), Time(sp),
            options.AdminCheckCacheTime, sp.GetRequiredService<ILogger<ChatAdminCache>>()));
        services.AddSingleton<CommandContextFactory>();
        services.AddSingleton<TelegramReplyWriter>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramUpdateDispatcher>(); // uses the host's ChatLanes when it registers one
        services.AddSingleton(sp => new TelegramPolling(sp.GetRequiredService<ITelegramBotClient>(),
            sp.GetRequiredService<TelegramUpdateDispatcher>(), options, Time(sp), sp.GetRequiredService<ILogger<TelegramPolling>>()));
        services.AddSingleton<TelegramWebhook>();
        services.AddSingleton<TelegramBotStartup>();
        return services;
    }
}
