using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.TestKit;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>
/// The real host with the admin console on (or off), a news site on loopback, and a real
/// HttpClient with its own cookie jar that does not follow redirects, so tests see each answer.
/// </summary>
public sealed partial class AdminSite : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly string _dbPath;

    private AdminSite(string dbPath, TestHost host, LoopbackHttpServer news, Uri baseUrl)
    {
        _dbPath = dbPath;
        Host = host;
        News = news;
        BaseUrl = baseUrl;
        Client = NewClient();
    }

    public TestHost Host { get; }
    public LoopbackHttpServer News { get; }
    public Uri BaseUrl { get; }
    public HttpClient Client { get; }

    /// <summary>Starts with NewsBot:Admin:Password set, unless <paramref name="settings"/> says otherwise.</summary>
    public static async Task<AdminSite> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-admin-test-{Guid.NewGuid():N}.db");
        var all = new Dictionary<string, string?> { ["NewsBot:Admin:Password"] = Password };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var news = await LoopbackHttpServer.StartAsync();
        var host = await TestHost.StartAsync(dbPath, all);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AdminSite(dbPath, host, news, new Uri(address.TrimEnd('/') + "/"));
    }

    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The antiforgery field of the first form on a page (this also sets the antiforgery cookie).</summary>
    public async Task<string> TokenFromAsync(string path, HttpClient? client = null)
    {
        var html = await (client ?? Client).GetStringAsync(path);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"no antiforgery field on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, string tokenPage, params (string Name, string Value)[] fields)
    {
        var token = await TokenFromAsync(tokenPage);
        return await Client.PostAsync(path, new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)),
            KeyValuePair.Create("__RequestVerificationToken", token)]));
    }

    public async Task<HttpResponseMessage> SignInAsync(string password = Password) =>
        await PostFormAsync("admin/login", "admin/login", ("pwd", password));

    /// <summary>Signs in with another client (its own cookie jar and headers).</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string password)
    {
        var token = await TokenFromAsync("admin/login", client);
        return await client.PostAsync("admin/login", new FormUrlEncodedContent(
            [KeyValuePair.Create("pwd", password), KeyValuePair.Create("__RequestVerificationToken", token)]));
    }

    public async Task SignInOkAsync()
    {
        using var response = await SignInAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await News.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }
}
