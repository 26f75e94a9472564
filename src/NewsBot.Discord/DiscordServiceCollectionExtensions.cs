using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Platforms;
using NewsBot.Discord.Interactions;
using NewsBot.Discord.Rest;
using NewsBot.Discord.Sending;

namespace NewsBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// The Discord adapter, registered by the host unconditionally. <c>NewsBot:Discord</c> is bound once and
    /// validated at start; every part of the adapter reads that one validated <see cref="DiscordOptions"/>.
    /// Webhook destinations (platform "discord-webhook") need no bot; the bot (platform "discord", the
    /// gateway service and health check "discord") is on when <c>NewsBot:Discord:BotToken</c> is configured.
    /// The host supplies <see cref="Core.Commands.ICommandExecutor"/>, <see cref="IBotLeases"/>,
    /// <see cref="TimeProvider"/> and logging.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DiscordOptions>>().Value);
        services.AddSingleton(sp => new DiscordRestClient(
            new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            sp.GetRequiredService<DiscordOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.AddSingleton<IChatPlatform, DiscordWebhookSender>();
        if (string.IsNullOrEmpty(configuration[DiscordOptions.SectionName + ":BotToken"])) return services;

        services.AddSingleton<IChatPlatform, DiscordAlertSender>();
        services.AddSingleton<DiscordCommandBridge>();
        services.AddSingleton<DiscordBotService>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordBotService>());
        services.AddHealthChecks().AddCheck<DiscordHealthCheck>(DiscordAlertSender.PlatformName, HealthStatus.Unhealthy, [PlatformReadiness.HealthTag]);
        return services;
    }
}
