namespace NewsBot.Discord.Rest;

/// <summary>
/// The body of Create/Edit Message, Execute Webhook and interaction replies (Discord resources/message.mdx).
/// <see cref="AllowedMentions"/> defaults to "parse nothing" so news text never pings anyone.
/// </summary>
public sealed record DiscordMessageBody
{
    public string? Content { get; init; }
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>Message flags; <see cref="MessageFlags.Ephemeral"/> for replies only the user sees.</summary>
    public int? Flags { get; init; }

    /// <summary>
    /// Action rows of buttons under the message (Discord components/reference.mdx). An edit (PATCH) that leaves this
    /// out keeps the old rows, but NewsBot sends them on every edit so a message always shows what its alert offers.
    /// </summary>
    public IReadOnlyList<DiscordActionRow>? Components { get; init; }

    /// <summary>Text only (a digest), with link embeds suppressed so a list of links stays a list.</summary>
    public static DiscordMessageBody PlainText(string text) => new() { Content = text, Flags = MessageFlags.SuppressEmbeds };
}

/// <summary>Discord: allowed_mentions with an empty parse list suppresses @everyone, roles and users.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static readonly AllowedMentions None = new([]);

    /// <summary>With an empty <see cref="Parse"/>: exactly these users are pinged, whoever else the text names (at most 100).</summary>
    public IReadOnlyList<string>? Users { get; init; }
}

public static class MessageFlags
{
    /// <summary>1 &lt;&lt; 6: only the invoking user sees the message (interaction replies only).</summary>
    public const int Ephemeral = 1 << 6;

    /// <summary>1 &lt;&lt; 2: no link previews under the message.</summary>
    public const int SuppressEmbeds = 1 << 2;
}

/// <summary>A rich embed (Discord resources/message.mdx "Embed Object").</summary>
public sealed record DiscordEmbed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }

    /// <summary>ISO 8601 timestamp shown by the client in the reader's local time.</summary>
    public string? Timestamp { get; init; }
    public int? Color { get; init; }
    public EmbedFooter? Footer { get; init; }
}

public sealed record EmbedFooter(string Text);

/// <summary>Component type 1: a row of at most 5 buttons (Discord components/reference.mdx "Action Row").</summary>
public sealed record DiscordActionRow(IReadOnlyList<DiscordButton> Components)
{
    public const int MaxButtons = 5;
    public int Type { get; init; } = 1;
}

/// <summary>
/// Component type 2: a button; pressing it sends a MESSAGE_COMPONENT interaction (type 3) carrying
/// <see cref="CustomId"/> (1–100 characters). Label up to 80 characters; style 2 is the grey "secondary".
/// </summary>
public sealed record DiscordButton(string Label, string CustomId)
{
    public const int MaxLabelLength = 80;
    public const int MaxCustomIdLength = 100;
    public int Type { get; init; } = 2;
    public int Style { get; init; } = 2;
}

/// <summary>The ids of a message Discord accepted.</summary>
public sealed record DiscordMessageRef(string Id, string ChannelId);

/// <summary>A webhook as Get Webhook with Token returns it (Discord resources/webhook.mdx "Webhook Object"), without its token.</summary>
public sealed record DiscordWebhookInfo(string Id, string? Name, string? ChannelId, string? GuildId);

/// <summary>GET /gateway/bot (Discord events/gateway.mdx "Get Gateway Bot").</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary>How many identifies are left today and how many may run per 5 s.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
