using System.Net;
using System.Net.Sockets;

namespace NewsBot.Sources.Fetching;

/// <summary>
/// Decides which IP addresses a feed fetch may connect to. Anything that is not a public unicast
/// address is refused by default: a feed URL is data from a chat user or a remote server, and
/// must not become a way to reach the bot's own host, its cloud metadata service (169.254.169.254)
/// or other machines on its network.
/// </summary>
public static class AddressGuard
{
    /// <summary>
    /// Why <paramref name="address"/> is refused ("loopback", "private", "link-local", ...),
    /// or null when it is a public address. IPv6 forms that embed an IPv4 address
    /// (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the embedded address.
    /// </summary>
    public static string? BlockedCategory(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => "not an IP address",
        };
    }

    // IANA IPv4 Special-Purpose Address Registry (RFC 6890) — the ranges that never belong to a public web server.
    private static string? ClassifyV4(byte[] b) => b switch
    {
        [0, ..] => "unspecified",
        [127, ..] => "loopback",
        [10, ..] => "private",
        [172, >= 16 and <= 31, ..] => "private",
        [192, 168, ..] => "private",
        [169, 254, ..] => "link-local",
        [100, >= 64 and <= 127, ..] => "shared address space (CGNAT)",
        [192, 0, 0, _] => "IETF protocol assignment",
        [198, 18 or 19, ..] => "benchmarking",
        [>= 224 and <= 239, ..] => "multicast",
        [>= 240, ..] => "reserved",
        _ => null,
    };

    private static string? ClassifyV6(byte[] b)
    {
        if (b.All(x => x == 0)) return "unspecified";
        if (b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0 && b[15] == 1) return "loopback";
        // ::ffff:a.b.c.d (IPv4-mapped, RFC 4291 2.5.5.2) and the deprecated ::a.b.c.d (IPv4-compatible).
        if (b.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0 && ((b[10] == 0xff && b[11] == 0xff) || (b[10] == 0 && b[11] == 0)))
            return ClassifyV4(b[12..16]);
        // 64:ff9b::/96 NAT64 well-known prefix (RFC 6052): a gateway would forward to the embedded IPv4 address.
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..]) return ClassifyV4(b[12..16]);
        // 64:ff9b:1::/48 local-use translation prefix (RFC 8215): the operator's own translator decides
        // where it leads (the IPv4 address sits at a prefix-length-dependent place, RFC 6052 2.2), so
        // none of it counts as public.
        if (b is [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..]) return "local-use NAT64";
        // 2002::/16 6to4 (RFC 3056) embeds the IPv4 address in bytes 2..5.
        if (b is [0x20, 0x02, ..] && ClassifyV4(b[2..6]) is { } embedded) return embedded;
        if ((b[0] & 0xfe) == 0xfc) return "private";                      // fc00::/7 unique local
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";   // fe80::/10
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "private";      // fec0::/10 site-local (deprecated)
        if (b[0] == 0xff) return "multicast";                             // ff00::/8
        return null;
    }
}
