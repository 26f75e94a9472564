namespace NewsBot.Startup;

/// <summary>
/// Where HTTP listens when the operator said nothing: 127.0.0.1:5080. Every way ASP.NET Core knows
/// wins over it, as in any ASP.NET Core app (Urls/urls in any configuration source, --urls,
/// ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS/HTTPS_PORTS, Kestrel:Endpoints); that is why the shipped
/// appsettings.json sets no Urls: a file value would beat the ASPNETCORE_* variables.
/// </summary>
public static class DefaultListenAddress
{
    public const string Url = "http://127.0.0.1:5080";

    public static bool IsConfigured(IConfiguration configuration) =>
        HasValue(configuration, "urls")
        || HasValue(configuration, "http_ports")
        || HasValue(configuration, "https_ports")
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    /// <summary>Call after every configuration source is in place (tests add theirs in customize).</summary>
    public static void ApplyIfUnset(WebApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration)) builder.WebHost.UseUrls(Url);
    }

    private static bool HasValue(IConfiguration configuration, string key) =>
        !string.IsNullOrWhiteSpace(configuration[key]);
}
