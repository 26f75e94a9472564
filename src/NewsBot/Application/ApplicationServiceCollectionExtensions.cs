using NewsBot.Application.Chats;
using NewsBot.Application.Filters;
using NewsBot.Application.Sources;

namespace NewsBot.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>The services that change sources, filters and chats, shared by chat commands, CLI, admin console, OPML import and seeding.</summary>
    public static IServiceCollection AddNewsBotApplication(this IServiceCollection services)
    {
        services.AddSingleton<NewsBot.Sources.Discovery.FeedDiscovery>();
        services.AddSingleton<SourceAdder>();
        services.AddSingleton<SourceEditor>();
        services.AddSingleton<ChatFilters>();
        services.AddSingleton<PersonalFilters>();
        services.AddSingleton<ChatDirectory>();
        return services;
    }
}
