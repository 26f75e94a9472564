using NewsBot.Pipeline.Push;
using NewsBot.Storage.Entities;

namespace NewsBot.Tests.Pipeline.Push;

/// <summary>The push line of a source's health, as `sources list`, /sources and the admin console show it.</summary>
public sealed class PushHealthTests
{
    private static PushSubscription Sub(PushState state, string? error = null, DateTime? until = null) => new()
    {
        CallbackId = "c", Secret = "s", HubUrl = "https://hub.example.com/hub", Topic = "https://news.example.org/feed",
        State = state, LastError = error, ActiveUntil = until,
    };

    public static TheoryData<PushSubscription, string> Lines => new()
    {
        { Sub(PushState.Active, until: new DateTime(2026, 3, 11, 10, 0, 0, DateTimeKind.Utc)), "push via hub.example.com: active until 2026-03-11 10:00 UTC" },
        { Sub(PushState.Denied, "topic not served here"), "push via hub.example.com: denied: topic not served here" },
        { Sub(PushState.Pending, "subscribe at hub.example.com: HTTP 500 Internal Server Error"),
            "push via hub.example.com: waiting for the hub's verification; error: subscribe at hub.example.com: HTTP 500 Internal Server Error" },
        { Sub(PushState.Lapsed), "push via hub.example.com: lapsed, polled at its own interval" },
        { Sub(PushState.Unsubscribed), "push via hub.example.com: unsubscribed" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void The_line_names_the_hub_and_the_state_and_any_error(PushSubscription sub, string line) =>
        Assert.Equal(line, PushHealth.Describe(sub));
}
