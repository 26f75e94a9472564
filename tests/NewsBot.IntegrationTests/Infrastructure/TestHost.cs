using Microsoft.EntityFrameworkCore;
using NewsBot.Startup;
using NewsBot.Storage;

namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real NewsBot host, in process, on its own SQLite file, with configuration given by the
/// test instead of appsettings.json. Restarting means disposing and starting another on the same file.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, CapturedOutput output)
    {
        _app = app;
        Output = output;
    }

    public CapturedOutput Output { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Where the host's HTTP endpoint listens (webhooks, health).</summary>
    public Uri BaseAddress => new(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    public static Task<TestHost> StartAsync(string databasePath, IDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        StartAsync(DatabaseProvider.Sqlite, $"Data Source={databasePath}", settings, services);

    public static async Task<TestHost> StartAsync(DatabaseProvider provider, string connectionString, IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var output = new CapturedOutput();
        var config = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["NewsBot:Database:Provider"] = provider.ToString(),
            ["NewsBot:Database:ConnectionString"] = connectionString,
            ["NewsBot:Sources:AllowPrivateAddresses"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings) config[key] = value;
        var app = NewsBotHost.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddKeyedSingleton<TextWriter>("console", output);
            services?.Invoke(builder.Services);
        });
        await app.Services.PrepareAsync();
        await app.StartAsync();
        return new TestHost(app, output);
    }

    public NewsBotDbContext Db() => Services.GetRequiredService<IDbContextFactory<NewsBotDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
