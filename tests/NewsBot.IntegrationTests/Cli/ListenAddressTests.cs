using System.Net;
using System.Net.Sockets;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Cli;

/// <summary>
/// Where the real executable listens: ASP.NET Core's own variables and arguments work as in any
/// ASP.NET Core app (the shipped appsettings.json must not override them), and Urls keeps working.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ListenAddressTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("newsbot-listen-").FullName;

    [Fact]
    public Task ASPNETCORE_URLS_sets_the_listen_address() =>
        AssertListensAsync(port => (new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, []));

    [Fact]
    public Task ASPNETCORE_HTTP_PORTS_sets_the_listen_port() =>
        AssertListensAsync(port => (new() { ["ASPNETCORE_HTTP_PORTS"] = $"{port}" }, []));

    [Fact]
    public Task The_urls_argument_sets_the_listen_address() =>
        AssertListensAsync(port => ([], ["--urls", $"http://127.0.0.1:{port}"]));

    [Fact]
    public Task The_Urls_variable_keeps_working() =>
        AssertListensAsync(port => (new() { ["Urls"] = $"http://127.0.0.1:{port}" }, []));

    private async Task AssertListensAsync(Func<int, (Dictionary<string, string> Environment, string[] Args)> configure)
    {
        var port = FreePort();
        var (environment, args) = configure(port);
        using var process = NewsBotProcess.Start(_workDir, environment, args);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () => process.HasExited || await AnswersAsync(http, port),
            TimeSpan.FromSeconds(60), $"the service answers on port {port}");
        Assert.False(process.HasExited, process.StandardError);
    }

    private static async Task<bool> AnswersAsync(HttpClient http, int port)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>A port nobody listens on now; the service binds it a moment later.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
