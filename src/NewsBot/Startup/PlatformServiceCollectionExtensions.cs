using NewsBot.Core.Platforms;
using System.Net;
using Microsoft.Extensions.Options;
using NewsBot.Discord;
using NewsBot.Discord.Interactions;
using NewsBot.Discord.Rest;
using NewsBot.Discord.Sending;
using NewsBot.Platforms;
using NewsBot.Telegram;

namespace NewsBot.Startup;

/// <summary>Each chat platform is on when its token is configured; the console chat is always there.</summary>
public static class PlatformServiceCollectionExtensions
{
    public static IServiceCollection AddNewsBotTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new();
        if (string.IsNullOrEmpty(options.BotToken)) return services;
        services.AddTelegramAdapter(options);
        services.AddHostedService<TelegramBotService>();
        return services;
    }

    /// <summary>Webhook destinations need no bot; the gateway and the bot sender need NewsBot:Discord:BotToken.</summary>
    public static IServiceCollection AddNewsBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>() ?? new();
        services.AddSingleton(options);
        services.AddSingleton(sp => new DiscordRestClient(
            new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.AddSingleton<Core.Platforms.IChatPlatform, DiscordWebhookSender>();
        if (string.IsNullOrEmpty(options.BotToken)) return services;
        services.AddSingleton<Core.Platforms.IChatPlatform, DiscordAlertSender>();
        services.AddSingleton<DiscordCommandBridge>();
        services.AddHostedService<DiscordBotService>();
        return services;
    }
}
