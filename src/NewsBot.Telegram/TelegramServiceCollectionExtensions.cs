using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Platforms;
using NewsBot.Telegram.Intake;
using NewsBot.Telegram.Sending;
using Telegram.Bot;

namespace NewsBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// The Telegram adapter, registered by the host unconditionally. <c>NewsBot:Telegram</c> is bound once
    /// and validated at start (a bad value stops the start with the key's name); every part of the adapter
    /// reads that one validated <see cref="TelegramOptions"/>. The bot (platform "telegram", its service,
    /// health check "telegram" and, in webhook mode, the webhook endpoint) is on when
    /// <c>NewsBot:Telegram:BotToken</c> is configured. The host supplies
    /// <see cref="Core.Commands.ICommandExecutor"/>, <see cref="IBotLeases"/> and logging, optionally a
    /// <see cref="TimeProvider"/>, and maps the contributed <see cref="Action{IEndpointRouteBuilder}"/>s.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        if (string.IsNullOrEmpty(configuration[TelegramOptions.Section + ":BotToken"])) return services;

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TelegramOptions>>().Value);
        AddBot(services);
        services.AddSingleton<TelegramBotService>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramBotService>());
        services.AddHealthChecks().AddCheck<TelegramHealthCheck>(TelegramAlertSender.PlatformName, HealthStatus.Unhealthy, [PlatformReadiness.HealthTag]);
        services.AddSingleton<Action<IEndpointRouteBuilder>>(TelegramWebhookEndpoint.Map);
        return services;
    }

    /// <summary>
    /// One client, one pacer shared by alerts and command replies (Telegram's limits count every
    /// message), the update handler serving both polling and webhook.
    /// </summary>
    private static void AddBot(IServiceCollection services)
    {
        static TimeProvider Time(IServiceProvider sp) => sp.GetService<TimeProvider>() ?? TimeProvider.System;
        static TelegramOptions Options(IServiceProvider sp) => sp.GetRequiredService<TelegramOptions>();

        services.AddSingleton<ITelegramBotClient>(sp => TelegramBotClientFactory.Create(Options(sp)));
        services.AddSingleton(sp => new TelegramPacer(Options(sp).Pacing, Time(sp)));
        services.AddSingleton<TelegramAlertSender>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TelegramAlertSender>());
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton(sp => new ChatAdminCache(sp.GetRequiredService<ITelegramBotClient>(), Time(sp),
            Options(sp).AdminCheckCacheTime, sp.GetRequiredService<ILogger<ChatAdminCache>>()));
        services.AddSingleton<CommandContextFactory>();
        services.AddSingleton<TelegramReplyWriter>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramUpdateDispatcher>(); // uses the host's ChatLanes when it registers one
        services.AddSingleton(sp => new TelegramPolling(sp.GetRequiredService<ITelegramBotClient>(),
            sp.GetRequiredService<TelegramUpdateDispatcher>(), Options(sp), Time(sp), sp.GetRequiredService<ILogger<TelegramPolling>>()));
        services.AddSingleton<TelegramWebhook>();
        services.AddSingleton<TelegramBotStartup>();
    }
}
