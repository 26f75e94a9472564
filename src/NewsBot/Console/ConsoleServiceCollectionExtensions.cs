using NewsBot.Core.Platforms;

namespace NewsBot.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The console chat, always there (it needs no token): prints to standard output, or to a TextWriter
    /// registered under the key "console" (tests).
    /// </summary>
    public static IServiceCollection AddConsoleChat(this IServiceCollection services) =>
        services.AddSingleton<IChatPlatform>(sp =>
            new ConsoleAlertSender(sp.GetKeyedService<TextWriter>(ConsoleAlertSender.PlatformName) ?? System.Console.Out));
}
