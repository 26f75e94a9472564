using Microsoft.Extensions.Options;

namespace NewsBot.Configuration;

public static class ConfigurationExtensions
{
    /// <summary>
    /// Binds the host's NewsBot sections and validates them at start, so a bad value stops start-up with the
    /// key's name. The chat adapters bind and validate their own sections (AddTelegram, AddDiscord).
    /// </summary>
    public static IServiceCollection AddNewsBotOptions(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.Section).ValidateOnStart();
        services.AddOptions<SummariesOptions>().BindConfiguration(SummariesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SummariesOptions>, SummariesOptionsValidator>();
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddOptions<WebSubOptions>().BindConfiguration(WebSubOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebSubOptions>, WebSubOptionsValidator>();
        return services;
    }
}
