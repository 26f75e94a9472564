namespace NewsBot.Discord.Gateway;

/// <summary>How a connection ended and what the client does next.</summary>
internal enum NextStep { Resume, Identify, Fatal }

/// <param name="ConnectFailed">No Hello arrived: the next attempt backs off (1 s, 2 s, 4 s … 60 s).</param>
internal sealed record ConnectionEnd(NextStep Next, string Reason, bool ConnectFailed = false)
{
    public static ConnectionEnd Resume(string reason) => new(NextStep.Resume, reason);
    public static ConnectionEnd Identify(string reason) => new(NextStep.Identify, reason);
}

/// <summary>
/// Discord topics/opcodes-and-status-codes.mdx "Gateway Close Event Codes": 4004 and 4010–4014 must not be
/// retried (retrying a bad token only burns the 1,000 daily identifies); 4007 and 4009 need a new session;
/// every other code, and a drop without a code, may resume.
/// </summary>
internal static class GatewayCloseCodes
{
    public static ConnectionEnd Classify(int? code, string? description)
    {
        var detail = string.IsNullOrWhiteSpace(description) ? "" : $" ({description})";
        return code switch
        {
            null => ConnectionEnd.Resume("connection closed without a close code"),
            4004 => Fatal(4004, "authentication failed — check NewsBot:Discord:BotToken"),
            4010 => Fatal(4010, "invalid shard"),
            4011 => Fatal(4011, "sharding required — the bot is in too many servers for one connection"),
            4012 => Fatal(4012, "invalid API version"),
            4013 => Fatal(4013, "invalid intents"),
            4014 => Fatal(4014, "disallowed intents — enable them in the Developer Portal or stop requesting them"),
            4007 => ConnectionEnd.Identify($"Discord gateway closed 4007: invalid sequence on resume{detail}"),
            4009 => ConnectionEnd.Identify($"Discord gateway closed 4009: session timed out{detail}"),
            _ => ConnectionEnd.Resume($"Discord gateway closed {code}{detail}"),
        };
    }

    private static ConnectionEnd Fatal(int code, string meaning) => new(NextStep.Fatal, $"Discord gateway closed {code}: {meaning}");
}
