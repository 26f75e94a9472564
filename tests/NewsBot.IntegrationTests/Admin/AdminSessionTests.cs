using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>
/// The admin session as an attacker meets it: a copied cookie is worth nothing once its owner signs
/// out, and the cookie is only ever sent over https when the console is reached over https or
/// through a trusted proxy.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AdminSessionTests
{
    private const string CookieName = "NewsBotAdmin";

    private static HttpClient Browser(Uri baseUrl, CookieContainer? cookies = null, bool acceptAnyCertificate = false) =>
        new(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            ServerCertificateCustomValidationCallback = acceptAnyCertificate ? HttpClientHandler.DangerousAcceptAnyServerCertificateValidator : null,
        })
        { BaseAddress = baseUrl };

    /// <summary>A client that sends exactly the given session cookie, as whoever copied it would.</summary>
    private static HttpClient WithCopiedCookie(Uri baseUrl, string value)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseUrl };
        client.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={value}");
        return client;
    }

    private static async Task<HttpStatusCode> SourcesPageAsync(HttpClient client)
    {
        using var response = await client.GetAsync("admin/sources");
        return response.StatusCode;
    }

    private static async Task SignOutAsync(AdminSite site, HttpClient client)
    {
        var token = await site.TokenFromAsync("admin/sources", client);
        using var response = await client.PostAsync("admin/logout", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_copied_session_cookie_stops_working_when_its_owner_signs_out()
    {
        await using var site = await AdminSite.StartAsync();
        var jar = new CookieContainer();
        using var owner = Browser(site.BaseUrl, jar);
        using (var signIn = await site.SignInAsync(owner, AdminSite.Password))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = jar.GetCookies(new Uri(site.BaseUrl, "admin/"))[CookieName]!.Value;
        using var thief = WithCopiedCookie(site.BaseUrl, session);
        Assert.Equal(HttpStatusCode.OK, await SourcesPageAsync(thief)); // the copy works while the session lives

        await SignOutAsync(site, owner);

        Assert.Equal(HttpStatusCode.Redirect, await SourcesPageAsync(thief));
        Assert.Equal(HttpStatusCode.Redirect, await SourcesPageAsync(owner));
    }

    [Fact]
    public async Task Signing_out_in_one_browser_leaves_another_browsers_session_alone()
    {
        await using var site = await AdminSite.StartAsync();
        using var laptop = Browser(site.BaseUrl);
        using var phone = Browser(site.BaseUrl);
        (await site.SignInAsync(laptop, AdminSite.Password)).Dispose();
        (await site.SignInAsync(phone, AdminSite.Password)).Dispose();

        await SignOutAsync(site, laptop);

        Assert.Equal(HttpStatusCode.Redirect, await SourcesPageAsync(laptop));
        Assert.Equal(HttpStatusCode.OK, await SourcesPageAsync(phone));
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_secure()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"newsbot-admin-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(pfx, SelfSignedLoopbackCertificate("test"));
        try
        {
            await using var site = await AdminSite.StartAsync(new Dictionary<string, string?>
            {
                ["Urls"] = "https://127.0.0.1:0",
                ["Kestrel:Certificates:Default:Path"] = pfx,
                ["Kestrel:Certificates:Default:Password"] = "test",
            });
            Assert.Equal("https", site.BaseUrl.Scheme);
            using var browser = Browser(site.BaseUrl, acceptAnyCertificate: true);
            using var signIn = await site.SignInAsync(browser, AdminSite.Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Contains("; secure", SessionCookie(signIn));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task Through_a_trusted_proxy_that_does_not_forward_the_scheme_the_session_cookie_is_still_secure()
    {
        await using var site = await AdminSite.StartAsync(new Dictionary<string, string?> { ["NewsBot:Admin:TrustedProxies:0"] = "127.0.0.1" });
        using var browser = Browser(site.BaseUrl);
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7"); // the proxy names the client, not the scheme
        using var signIn = await site.SignInAsync(browser, AdminSite.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("; secure", SessionCookie(signIn));
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();

    private static byte[] SelfSignedLoopbackCertificate(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
