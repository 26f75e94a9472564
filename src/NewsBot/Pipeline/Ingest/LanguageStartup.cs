using Microsoft.Extensions.Options;

namespace NewsBot.Pipeline.Ingest;

/// <summary>Registers language detection for <c>lang:</c> filters (NewsBot:Languages).</summary>
public static class LanguageStartup
{
    public static IServiceCollection AddNewsBotLanguages(this IServiceCollection services)
    {
        services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LanguageOptions>, LanguageOptionsValidator>();
        services.AddSingleton<ArticleLanguageDetector>();
        return services;
    }
}
