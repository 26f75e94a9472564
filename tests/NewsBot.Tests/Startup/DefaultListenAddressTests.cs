using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using NewsBot.Startup;

namespace NewsBot.Tests.Startup;

/// <summary>
/// These read the address the host would listen on from its configuration; the host is built, never
/// started, so no port (5080, 8080 or any other) is bound and a busy machine cannot make them fail.
/// </summary>
public sealed class DefaultListenAddressTests
{
    [Fact]
    public void Shipped_appsettings_sets_no_listen_address_so_ASPNETCORE_variables_work()
    {
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        Assert.False(DefaultListenAddress.IsConfigured(shipped));
    }

    [Fact]
    public async Task With_nothing_configured_the_service_listens_on_127_0_0_1_port_5080()
    {
        await using var app = NewsBotHost.Build([], WithoutEnvironment);
        Assert.Equal("http://127.0.0.1:5080", app.Configuration["urls"]);
    }

    [Theory]
    [InlineData("--urls=http://127.0.0.1:0", "urls", "http://127.0.0.1:0")]
    [InlineData("--Urls=http://+:8080", "urls", "http://+:8080")]
    [InlineData("--http_ports=8081", "http_ports", "8081")]
    [InlineData("--https_ports=8443", "https_ports", "8443")]
    public async Task Any_listen_setting_of_ASP_NET_Core_replaces_the_default(string arg, string key, string expected)
    {
        await using var app = NewsBotHost.Build([arg], WithoutEnvironment);
        Assert.Equal(expected, app.Configuration[key]);
        if (key != "urls") Assert.Null(app.Configuration["urls"]);
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:0")]
    [InlineData("Urls", "http://+:8080")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080")]
    public void Each_way_ASP_NET_Core_reads_a_listen_address_counts_as_configured(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        Assert.True(DefaultListenAddress.IsConfigured(configuration));
    }

    /// <summary>
    /// The machine's own ASPNETCORE_* variables stay out (the official .NET container images set
    /// ASPNETCORE_HTTP_PORTS=8080), so these tests see only what they configure.
    /// </summary>
    private static void WithoutEnvironment(WebApplicationBuilder builder)
    {
        foreach (var source in builder.Configuration.Sources.OfType<EnvironmentVariablesConfigurationSource>().ToList())
            builder.Configuration.Sources.Remove(source);
    }

    [Fact]
    public void Blank_urls_count_as_not_configured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Urls", " ")]).Build();
        Assert.False(DefaultListenAddress.IsConfigured(configuration));
    }
}
