using System.Net;
using System.Net.Sockets;

namespace NewsBot.Sources.Fetching;

/// <summary>Resolves a host name to addresses; replaceable so tests can play a DNS server that answers with loopback.</summary>
internal delegate Task<IPAddress[]> HostResolver(string host, CancellationToken ct);

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of <see cref="FeedFetcher"/>: resolves the
/// host itself, drops addresses refused by <see cref="AddressGuard"/> and connects to an allowed one.
/// Checking here, on the address actually connected to, covers every redirect hop and defeats DNS
/// rebinding (a name that resolves to a public address when checked and to 127.0.0.1 when used).
/// </summary>
internal sealed class GuardedConnector(Func<string, bool> privateAllowedFor, HostResolver resolve, IReadOnlySet<IPAddress> exempt)
{
    public static readonly HostResolver SystemDns = (host, ct) => Dns.GetHostAddressesAsync(host, ct);

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endPoint = context.DnsEndPoint;
        var host = endPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolve(host, ct).ConfigureAwait(false);
        var allowed = Allowed(addresses, privateAllowedFor(host), out var refusal);
        if (allowed.Count == 0)
            throw (Exception?)refusal ?? new SocketException((int)SocketError.HostNotFound);

        SocketException? lastError = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                // Try the next address (e.g. IPv6 unreachable, IPv4 fine), as the default connect does.
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw lastError!;
    }

    private List<IPAddress> Allowed(IPAddress[] addresses, bool allowPrivate, out AddressNotAllowedException? refusal)
    {
        refusal = null;
        var allowed = new List<IPAddress>(addresses.Length);
        foreach (var address in addresses)
        {
            var category = allowPrivate || exempt.Contains(address) ? null : AddressGuard.BlockedCategory(address);
            if (category is null) allowed.Add(address);
            else refusal ??= new AddressNotAllowedException(address, category);
        }
        return allowed;
    }
}
