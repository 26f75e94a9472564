using Microsoft.Extensions.Options;

namespace NewsBot.Configuration;

public static class ConfigurationExtensions
{
    /// <summary>Binds every NewsBot section and validates it at start, so a bad value stops start-up with the key's name.</summary>
    public static IServiceCollection AddNewsBotOptions(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.Section).ValidateOnStart();
        services.AddOptions<NewsBot.Telegram.TelegramOptions>().BindConfiguration(NewsBot.Telegram.TelegramOptions.Section).ValidateOnStart();
        services.AddOptions<NewsBot.Discord.DiscordOptions>().BindConfiguration(NewsBot.Discord.DiscordOptions.SectionName).ValidateOnStart();
        services.AddOptions<SummariesOptions>().BindConfiguration(SummariesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SummariesOptions>, SummariesOptionsValidator>();
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateOnStart();
        services.AddOptions<SourceNoticeOptions>().BindConfiguration(SourceNoticeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourceNoticeOptions>, SourceNoticeOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddSingleton<IValidateOptions<NewsBot.Telegram.TelegramOptions>, TelegramOptionsValidator>();
        services.AddSingleton<IValidateOptions<NewsBot.Discord.DiscordOptions>, DiscordOptionsValidator>();
        return services;
    }
}
