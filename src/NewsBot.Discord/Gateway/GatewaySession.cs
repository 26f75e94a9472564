namespace NewsBot.Discord.Gateway;

/// <summary>What a resume needs (Discord events/gateway.mdx "Resuming"): READY's session_id and
/// resume_gateway_url, and the last sequence number received.</summary>
internal sealed class GatewaySession
{
    public string? SessionId { get; set; }
    public Uri? ResumeUrl { get; set; }
    public string? ApplicationId { get; set; }

    private long _lastSequence = -1;

    /// <summary>The last non-null "s"; sent with heartbeats and resumes. Written by the receive loop and read by
    /// the heartbeat task, hence the interlocked access.</summary>
    public long? LastSequence
    {
        get => Interlocked.Read(ref _lastSequence) is var s and >= 0 ? s : null;
        set => Interlocked.Exchange(ref _lastSequence, value ?? -1);
    }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Forget()
    {
        SessionId = null;
        ResumeUrl = null;
        LastSequence = null;
    }
}

/// <summary>Payloads the client sends (Discord events/gateway-events.mdx "Send Events").</summary>
internal static class GatewayPayloads
{
    public static object Heartbeat(long? sequence) => new { op = 1, d = sequence };

    /// <summary>intents 0: INTERACTION_CREATE is sent regardless of intents and slash commands need nothing else.</summary>
    public static object Identify(string token) => new
    {
        op = 2,
        d = new
        {
            token,
            intents = 0,
            properties = new { os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux", browser = "newsbot", device = "newsbot" },
        },
    };

    public static object Resume(string token, string sessionId, long? sequence) => new { op = 6, d = new { token, session_id = sessionId, seq = sequence } };
}
