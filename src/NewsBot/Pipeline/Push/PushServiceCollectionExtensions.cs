namespace NewsBot.Pipeline.Push;

/// <summary>WebSub push: discovery after polls, subscriptions and their leases, the callback and pushed ingest.</summary>
public static class PushServiceCollectionExtensions
{
    public static IServiceCollection AddNewsBotPush(this IServiceCollection services)
    {
        services.AddSingleton<PushPolling>();
        services.AddSingleton<HubSubscriptionStarter>();
        services.AddSingleton<HubRequestSender>();
        services.AddSingleton<IntentVerification>();
        services.AddSingleton<PushedContent>();
        services.AddSingleton<PushLeaseLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<PushLeaseLoop>());
        services.AddSingleton<PushedFeedIngester>();
        services.AddHostedService(sp => sp.GetRequiredService<PushedFeedIngester>());
        return services;
    }
}
