using NewsBot.Sources.Fetching;
using NewsBot.TestKit;
using static NewsBot.Sources.Tests.Fetching.TestFetchers;

namespace NewsBot.Sources.Tests.Fetching;

/// <summary>
/// The guard as a user meets it. No test here ever sends traffic beyond 127.0.0.0/8: refused
/// addresses are never connected to, and the only "other" addresses used are loopback ones.
/// </summary>
public class GuardedFetchTests
{
    [Fact]
    public async Task Loopback_ip_url_is_refused_by_default_with_a_message_naming_the_setting()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", "<rss/>");
        using var fetcher = new FeedFetcher(new FetchOptions(), TimeProvider.System);

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), default).Bounded());

        Assert.Equal("address 127.0.0.1 is not allowed (loopback); set NewsBot:Sources:AllowPrivateAddresses to allow it", failed.Error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Localhost_name_is_refused_because_the_check_is_on_resolved_addresses()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", "<rss/>");
        using var fetcher = new FeedFetcher(new FetchOptions(), TimeProvider.System);

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(new Uri($"http://localhost:{server.BaseUrl.Port}/feed")), default).Bounded());

        Assert.Matches(@"^address (127\.0\.0\.1|::1) is not allowed \(loopback\)", failed.Error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Redirect_to_a_private_address_is_refused_even_when_the_first_host_was_allowed()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("start", ctx =>
        {
            ctx.Response.Redirect($"http://127.0.0.2:{server.BaseUrl.Port}/admin");
            return Task.CompletedTask;
        });
        using var fetcher = GuardedExceptServer();

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("start")), default).Bounded());

        // Had the hop been connected to, Kestrel (bound to 127.0.0.1 only) would have refused the
        // connection with a different message; this one comes from the guard.
        Assert.StartsWith("address 127.0.0.2 is not allowed (loopback)", failed.Error);
    }

    /// <summary>The article-page fetcher: private addresses only on hosts the operator configured as sources.</summary>
    private static FeedFetcher PrivateOnlyFor(string trustedHost, HostResolver? resolve = null) =>
        new(new FetchOptions { PrivateAddressesAllowedFor = host => string.Equals(host, trustedHost, StringComparison.OrdinalIgnoreCase) },
            TimeProvider.System, resolve ?? GuardedConnector.SystemDns, new HashSet<System.Net.IPAddress>());

    [Fact]
    public async Task A_page_on_a_trusted_source_host_may_reach_a_private_address()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("page", "<p>intranet article</p>", "text/html");
        using var fetcher = PrivateOnlyFor("127.0.0.1");

        AssertFetched(await fetcher.FetchAsync(new FetchRequest(server.Url("page")), default).Bounded());
    }

    [Fact]
    public async Task A_page_on_another_host_is_refused_a_private_address_even_when_sources_may_use_them()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("admin", "secret", "text/html");
        using var fetcher = PrivateOnlyFor("127.0.0.1", FakeDns(("metadata.test", ["127.0.0.1"])));

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(new Uri($"http://metadata.test:{server.BaseUrl.Port}/admin")), default).Bounded());

        Assert.StartsWith("address 127.0.0.1 is not allowed (loopback)", failed.Error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_redirect_from_a_trusted_source_host_to_another_private_host_is_refused()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("start", ctx =>
        {
            ctx.Response.Redirect($"http://metadata.test:{server.BaseUrl.Port}/admin");
            return Task.CompletedTask;
        });
        using var fetcher = PrivateOnlyFor("127.0.0.1", FakeDns(("metadata.test", ["127.0.0.1"])));

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("start")), default).Bounded());

        Assert.StartsWith("address 127.0.0.1 is not allowed (loopback)", failed.Error);
        Assert.Single(server.Requests); // the first hop only
    }

    [Fact]
    public async Task Redirect_to_a_name_that_resolves_to_a_private_address_is_refused()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("start", ctx =>
        {
            ctx.Response.Redirect($"http://intranet.test:{server.BaseUrl.Port}/admin");
            return Task.CompletedTask;
        });
        using var fetcher = GuardedExceptServer(FakeDns(("intranet.test", ["127.0.0.2"])));

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("start")), default).Bounded());

        Assert.StartsWith("address 127.0.0.2 is not allowed (loopback)", failed.Error);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Name_rebound_to_a_private_address_is_refused_at_connect_time()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", "<rss/>");
        // The DNS answer at connect time is what counts, whatever the name looked like before.
        using var fetcher = GuardedExceptServer(FakeDns(("news.example.test", ["127.0.0.2"])));

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(new Uri($"http://news.example.test:{server.BaseUrl.Port}/feed")), default).Bounded());

        Assert.StartsWith("address 127.0.0.2 is not allowed (loopback)", failed.Error);
    }

    [Fact]
    public async Task Refused_addresses_are_skipped_and_an_allowed_one_is_used()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.MapContent("feed", "<rss>ok</rss>");
        using var fetcher = GuardedExceptServer(FakeDns(("news.example.test", ["127.0.0.2", "127.0.0.1"])));

        var fetched = AssertFetched(await fetcher.FetchAsync(new FetchRequest(new Uri($"http://news.example.test:{server.BaseUrl.Port}/feed")), default).Bounded());

        Assert.Equal("<rss>ok</rss>", System.Text.Encoding.UTF8.GetString(fetched.Body));
        Assert.Equal($"news.example.test:{server.BaseUrl.Port}", server.Requests.Single().Headers["Host"]);
    }

    [Fact]
    public async Task Unknown_host_fails_with_a_clear_message()
    {
        using var fetcher = GuardedExceptServer(FakeDns());

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(new Uri("http://no-such-host.test/feed")), default).Bounded());

        Assert.Equal("host 'no-such-host.test' not found", failed.Error);
    }

    [Fact]
    public async Task Redirect_from_the_web_into_a_local_file_is_refused()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map("start", ctx =>
        {
            ctx.Response.Redirect("file:///etc/passwd");
            return Task.CompletedTask;
        });
        using var fetcher = Loopback();

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(server.Url("start")), default).Bounded());

        Assert.Equal("redirect to 'file:' refused; only http and https are followed", failed.Error);
    }

    [Theory]
    [InlineData("ftp://example.com/feed.xml", "ftp")]
    [InlineData("gopher://example.com/1", "gopher")]
    public async Task Unsupported_schemes_are_refused_without_a_connection(string url, string scheme)
    {
        using var fetcher = new FeedFetcher(new FetchOptions(), TimeProvider.System);

        var failed = AssertFailed(await fetcher.FetchAsync(new FetchRequest(new Uri(url)), default).Bounded());

        Assert.Equal($"scheme '{scheme}' is not supported; use http, https or a file path", failed.Error);
    }
}
