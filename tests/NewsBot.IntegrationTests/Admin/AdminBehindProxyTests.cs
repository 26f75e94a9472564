using System.Net;
using NewsBot.IntegrationTests.Infrastructure;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>
/// The console behind a TLS reverse proxy: with NewsBot:Admin:TrustedProxies listing the proxy,
/// X-Forwarded-For names the client for the sign-in lock-out and X-Forwarded-Proto the scheme;
/// from any other peer both headers are ignored. The test client connects from 127.0.0.1.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AdminBehindProxyTests
{
    private static Dictionary<string, string?> Proxies(params string[] entries) =>
        entries.Select((e, i) => KeyValuePair.Create($"NewsBot:Admin:TrustedProxies:{i}", (string?)e)).ToDictionary();

    [Fact]
    public async Task Behind_a_trusted_proxy_failures_lock_out_only_the_forwarded_client_that_failed()
    {
        await using var site = await AdminSite.StartAsync(Proxies("127.0.0.1"));
        using var guesser = ForwardedClient(site, "203.0.113.7");
        using var admin = ForwardedClient(site, "198.51.100.2");

        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await site.SignInAsync(guesser, "guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using (var fifth = await site.SignInAsync(guesser, "guess 5"))
            Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        using (var guesserRight = await site.SignInAsync(guesser, AdminSite.Password))
            Assert.Equal(HttpStatusCode.TooManyRequests, guesserRight.StatusCode);

        using var adminRight = await site.SignInAsync(admin, AdminSite.Password);
        Assert.Equal(HttpStatusCode.Redirect, adminRight.StatusCode);
        // Behind a proxy the session cookie is Secure: the admin's browser sends it back over the
        // proxy's https. This plain-http client stands for that by sending it by hand.
        var session = adminRight.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("NewsBotAdmin=", StringComparison.Ordinal)).Split(';')[0];
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.BaseUrl };
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.2");
        browser.DefaultRequestHeaders.Add("Cookie", session);
        using var page = await browser.GetAsync("admin/sources");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_peer_that_is_not_listed_are_ignored()
    {
        // The proxy is elsewhere; the client on 127.0.0.1 claims a fresh address on every attempt.
        await using var site = await AdminSite.StartAsync(Proxies("10.20.30.40", "192.0.2.0/24"));
        for (var i = 1; i <= 5; i++)
        {
            using var spoofing = ForwardedClient(site, $"203.0.113.{i}", proto: "https");
            using var wrong = await site.SignInAsync(spoofing, "guess " + i);
            Assert.True(wrong.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"attempt {i}: {(int)wrong.StatusCode}");
        }
        using var fresh = ForwardedClient(site, "198.51.100.99", proto: "https");
        using var right = await site.SignInAsync(fresh, AdminSite.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode); // the lock-out stayed on 127.0.0.1

        using var redirect = await fresh.GetAsync("admin/sources");
        Assert.Equal("http", redirect.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Without_trusted_proxies_forwarded_headers_are_ignored()
    {
        await using var site = await AdminSite.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            using var spoofing = ForwardedClient(site, $"203.0.113.{i}");
            using var _ = await site.SignInAsync(spoofing, "guess " + i);
        }
        using var fresh = ForwardedClient(site, "198.51.100.99");
        using var right = await site.SignInAsync(fresh, AdminSite.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_tls_proxy_redirects_say_https_and_the_sign_in_cookie_is_secure()
    {
        await using var site = await AdminSite.StartAsync(Proxies("127.0.0.0/8"));
        using var browser = ForwardedClient(site, "203.0.113.7", proto: "https");
        using (var redirect = await browser.GetAsync("admin/sources"))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal("https", redirect.Headers.Location!.Scheme);
        }
        // Cookies marked Secure are not sent back over this test's plain http, so the antiforgery
        // cookie comes from a page fetched without X-Forwarded-Proto; only the sign-in says https.
        var cookies = new CookieContainer();
        using var plain = ForwardedClient(site, "203.0.113.7", cookies: cookies);
        using var tls = ForwardedClient(site, "203.0.113.7", proto: "https", cookies: cookies);
        var token = await site.TokenFromAsync("admin/login", plain);
        using var signIn = await tls.PostAsync("admin/login", new FormUrlEncodedContent(
            [KeyValuePair.Create("pwd", AdminSite.Password), KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("NewsBotAdmin=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie);
    }

    [Fact]
    public async Task A_trusted_proxy_entry_that_is_not_an_address_stops_start_up_naming_the_key()
    {
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => AdminSite.StartAsync(Proxies("127.0.0.1", "proxy.example.com")));
        Assert.Contains("NewsBot:Admin:TrustedProxies:1 is not an IP address or CIDR network", e.Message);
    }

    /// <summary>A browser seen through a proxy: every request carries the proxy's headers.</summary>
    private static HttpClient ForwardedClient(AdminSite site, string forwardedFor, string? proto = null, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = site.BaseUrl,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }
}
