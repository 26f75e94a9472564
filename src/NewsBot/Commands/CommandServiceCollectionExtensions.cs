using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Core.Commands;
using NewsBot.Core.Filters;

namespace NewsBot.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// What keeps commands from strangers cheap, shared by every platform: one set of chat lanes
    /// (so the limit on parallel commands holds for the whole process), one rate limiter per user,
    /// the filter limits, and the /add preview bounds; all from <see cref="CommandOptions"/>.
    /// </summary>
    public static IServiceCollection AddNewsBotCommands(this IServiceCollection services)
    {
        services.AddOptions<CommandOptions>().BindConfiguration(CommandOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommandOptions>, CommandOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CommandOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<CommandOptions>();
            return new ChatLanes(o.MaxConcurrentChats, o.MaxWaitingPerChat);
        });
        services.AddSingleton(sp => new CommandRateLimiter(sp.GetRequiredService<CommandOptions>().PerUserPerMinute, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<CommandOptions>();
            return FilterLimits.Default with { MaxFiltersPerChat = o.MaxFiltersPerChat, MaxFiltersPerUser = o.MaxFiltersPerUser };
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<CommandOptions>();
            return new Application.Filters.PersonalFilterLimits(o.MaxFollowsPerMember, o.MaxFollowsPerChat);
        });
        return services;
    }
}
