using System.Text;
using NewsBot.Pipeline.Push;
using NewsBot.TestKit.WebSub;

namespace NewsBot.Tests.Pipeline.Push;

/// <summary>WebSub 8: X-Hub-Signature is "method=hex", the HMAC of the raw body with the subscription's secret.</summary>
public sealed class HubSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("<rss><channel><item><title>Ceasefire</title></item></channel></rss>");
    private const string Secret = "0123456789abcdef";

    [Theory]
    [InlineData(HubSignatureMethod.Sha1)]
    [InlineData(HubSignatureMethod.Sha256)]
    [InlineData(HubSignatureMethod.Sha384)]
    [InlineData(HubSignatureMethod.Sha512)]
    public void A_signature_by_the_secret_over_the_body_is_valid_for_every_listed_method(HubSignatureMethod method)
    {
        Assert.True(HubSignature.IsValid(FakeWebSubHub.Sign(method, Secret, Body), Body, Secret));
        Assert.True(HubSignature.IsValid(FakeWebSubHub.Sign(method, Secret, Body).ToUpperInvariant(), Body, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("md5=d41d8cd98f00b204e9800998ecf8427e")]
    public void A_missing_or_malformed_signature_is_invalid(string? header) =>
        Assert.False(HubSignature.IsValid(header, Body, Secret));

    [Fact]
    public void Another_secret_or_other_bytes_make_the_signature_invalid()
    {
        Assert.False(HubSignature.IsValid(FakeWebSubHub.Sign(HubSignatureMethod.Sha256, "another secret", Body), Body, Secret));
        Assert.False(HubSignature.IsValid(FakeWebSubHub.Sign(HubSignatureMethod.Sha256, Secret, [.. Body, (byte)' ']), Body, Secret));
    }
}
