namespace NewsBot.Platforms;

public static class PlatformEndpoints
{
    /// <summary>
    /// Maps the HTTP endpoints the chat adapters contribute (Telegram's webhook in webhook mode) as
    /// <see cref="Action{IEndpointRouteBuilder}"/> services: the host maps them without knowing which
    /// platform they belong to.
    /// </summary>
    public static IEndpointRouteBuilder MapNewsBotPlatforms(this IEndpointRouteBuilder app)
    {
        foreach (var map in app.ServiceProvider.GetServices<Action<IEndpointRouteBuilder>>()) map(app);
        return app;
    }
}
