namespace NewsBot.TestKit.Discord;

/// <summary>How the fake Discord behaves. Defaults follow Discord's documented values.</summary>
public sealed class FakeDiscordOptions
{
    public string BotToken { get; set; } = "fake-bot-token.AbC123";
    public string ApplicationId { get; set; } = "1100000000000000001";
    public string BotUserId { get; set; } = "1100000000000000001";

    /// <summary>Discord: 50 requests per second per bot (topics/rate-limits.mdx).</summary>
    public int GlobalLimitPerSecond { get; set; } = 50;

    /// <summary>Per channel, Create Message bucket. Discord does not document the numbers; 5 per 5 s is typical.</summary>
    public int MessageBucketLimit { get; set; } = 5;
    public TimeSpan MessageBucketWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Discord: the first interaction response must arrive within 3 s.</summary>
    public TimeSpan InteractionDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Sent in Hello; Discord uses about 41 s, tests use a few hundred ms.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41250;

    /// <summary>session_start_limit.remaining reported by GET /gateway/bot.</summary>
    public int IdentifiesRemaining { get; set; } = 999;

    /// <summary>Clock for deadlines and rate-limit windows; a FakeTimeProvider makes deadlines testable.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
