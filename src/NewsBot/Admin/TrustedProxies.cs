using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace NewsBot.Admin;

/// <summary>
/// NewsBot:Admin:TrustedProxies — the reverse proxies (addresses or CIDR networks) whose
/// X-Forwarded-For and X-Forwarded-Proto headers are believed. Empty (the default) means the
/// headers are ignored from everyone, so a client cannot pick its own address for the sign-in
/// lock-out by sending them.
/// </summary>
internal static class TrustedProxies
{
    /// <summary>An address ("10.0.0.5", "::1") or a network ("10.0.0.0/8"), or null when it is neither.</summary>
    public static IPNetwork? Parse(string? entry)
    {
        var text = entry?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (IPNetwork.TryParse(text, out var network)) return network;
        return IPAddress.TryParse(text, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }

    /// <summary>
    /// Only the listed proxies, none of ASP.NET Core's defaults (which trust loopback): a proxy
    /// on the same machine must be listed like any other. ForwardLimit is lifted so a chain of
    /// listed proxies works; the middleware stops at the first address that is not listed, so a
    /// client's own X-Forwarded-For entries are never taken as its address.
    /// </summary>
    public static void Configure(ForwardedHeadersOptions forwarded, AdminOptions admin)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = null;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var entry in admin.TrustedProxies)
            if (Parse(entry) is { } network) forwarded.KnownIPNetworks.Add(network);
    }

    private const string ViaTrustedProxy = "NewsBot.ViaTrustedProxy";

    /// <summary>Whether the connection this request came on is from a listed proxy (known before the forwarded headers replace the address).</summary>
    public static bool CameThroughTrustedProxy(HttpContext context) => context.Items.ContainsKey(ViaTrustedProxy);

    /// <summary>Adds the forwarded-headers middleware first in the pipeline, and only when a proxy is listed.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.TrustedProxies.Count == 0) return app;
        var networks = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownIPNetworks.ToList();
        app.Use((context, next) =>
        {
            if (context.Connection.RemoteIpAddress is { } peer
                && networks.Any(n => n.Contains(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer)))
                context.Items[ViaTrustedProxy] = true;
            return next(context);
        });
        app.UseForwardedHeaders();
        return app;
    }
}
