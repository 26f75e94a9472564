namespace NewsBot.TestKit.WebSub;

/// <summary>A subscription the fake hub verified: where it delivers, with which secret, until when.</summary>
public sealed record FakeHubSubscription(Uri Callback, string Topic, string? Secret, DateTimeOffset ExpiresAt);

/// <summary>One verification of intent the hub sent, and what became of it.</summary>
/// <param name="Mode">subscribe, unsubscribe or denied.</param>
/// <param name="Status">The callback's HTTP status (0 when it could not be reached).</param>
/// <param name="Confirmed">2xx with the challenge echoed exactly.</param>
public sealed record FakeHubVerification(Uri Callback, string Mode, string Topic, int Status, bool Confirmed);

/// <summary>How the fake hub signs a delivery (WebSub 8).</summary>
public enum HubSignatureMethod
{
    Sha1,
    Sha256,
    Sha384,
    Sha512,

    /// <summary>No X-Hub-Signature header at all.</summary>
    None,
}
