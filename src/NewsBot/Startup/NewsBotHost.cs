using Microsoft.Extensions.Configuration.Json;
using NewsBot.Admin;
using NewsBot.Configuration;
using NewsBot.Console;
using NewsBot.Discord;
using NewsBot.Observability;
using NewsBot.Pipeline.Push;
using NewsBot.Platforms;
using NewsBot.Telegram;

namespace NewsBot.Startup;

/// <summary>Builds the service; tests use the same path with their own configuration.</summary>
public static class NewsBotHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json and the demo feed travel with the binary; the database and an
            // operator's own appsettings.json live in the directory the service is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddWorkingDirectorySettings(builder.Configuration);
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        builder.Host.UseSystemd(); // Type=notify and journald log levels under systemd; nothing otherwise
        // Before the registrations: some of them read configuration (which platforms are on), and tests replace it.
        customize?.Invoke(builder);
        DefaultListenAddress.ApplyIfUnset(builder);
        builder.Services
            .AddNewsBotOptions()
            .AddNewsBotStorage()
            .AddNewsBotSources()
            .AddNewsBotPipeline()
            .AddNewsBotSummaries(builder.Configuration)
            .AddNewsBotStoryEmbeddings(builder.Configuration)
            .AddConsoleChat()
            .AddTelegram(builder.Configuration)
            .AddDiscord(builder.Configuration);
        builder.Services.AddNewsBotAdmin();
        builder.Services.AddNewsBotModelSummarizerIfConfigured();
        builder.Services.AddNewsBotObservability();

        var app = builder.Build();
        app.UseTrustedProxies(); // first, so everything after sees the real client address and scheme
        app.MapNewsBotObservability();
        app.MapNewsBotPlatforms();
        app.MapNewsBotAdmin();
        app.MapNewsBotPush();
        return app;
    }

    /// <summary>
    /// An appsettings.json in the working directory overrides the shipped one, and environment
    /// variables and the command line still override both.
    /// </summary>
    private static void AddWorkingDirectorySettings(ConfigurationManager configuration)
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        if (local == Path.Combine(AppContext.BaseDirectory, "appsettings.json")) return;
        var lastJson = configuration.Sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
        var source = new JsonConfigurationSource { Path = local, Optional = true };
        source.ResolveFileProvider();
        configuration.Sources.Insert(lastJson + 1, source);
    }
}
