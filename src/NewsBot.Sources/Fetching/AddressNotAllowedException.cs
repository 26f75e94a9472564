using System.Net;

namespace NewsBot.Sources.Fetching;

/// <summary>Thrown from the connect step when every address a host resolved to is refused by <see cref="AddressGuard"/>.</summary>
internal sealed class AddressNotAllowedException(IPAddress address, string category)
    : Exception($"address {address} is not allowed ({category}); set NewsBot:Sources:AllowPrivateAddresses to allow it")
{
    public IPAddress Address { get; } = address;
}
