using System.Net;
using NewsBot.Sources.Fetching;

namespace NewsBot.Sources.Tests.Fetching;

public class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.0.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "shared address space (CGNAT)")]
    [InlineData("100.127.255.255", "shared address space (CGNAT)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]   // NAT64 form of 169.254.169.254
    [InlineData("2002:c0a8:0001::1", "private")]        // 6to4 form of 192.168.0.1
    [InlineData("64:ff9b:1::a9fe:a9fe", "local-use NAT64")]        // RFC 8215 local-use prefix: where it leads is the operator's choice
    [InlineData("64:ff9b:1:c0a8:1:0:0:0", "local-use NAT64")]      // 192.168.0.1 in the /48 layout (RFC 6052 2.2)
    [InlineData("64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "local-use NAT64")] // the top of the /48
    public void Non_public_addresses_are_refused_with_their_category(string address, string category) =>
        Assert.Equal(category, AddressGuard.BlockedCategory(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]   // just below 172.16/12
    [InlineData("172.32.0.1")]       // just above it
    [InlineData("100.63.255.255")]   // just below 100.64/10
    [InlineData("100.128.0.1")]      // just above it
    [InlineData("2606:4700::1")]
    [InlineData("2a00:1450:4001::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:0808:0808::1")]  // 6to4 of a public address
    [InlineData("64:ff9b::808:808")]   // well-known NAT64 of 8.8.8.8: judged by the embedded address
    [InlineData("64:ff9b:2::1")]       // just above the local-use /48
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(AddressGuard.BlockedCategory(IPAddress.Parse(address)));
}
