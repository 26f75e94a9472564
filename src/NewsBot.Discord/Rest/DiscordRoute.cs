namespace NewsBot.Discord.Rest;

/// <summary>
/// One request target. <see cref="BucketKey"/> groups requests the way Discord's rate limits do: the route
/// template plus its top-level resource (channel, guild, or webhook id + token; Discord topics/rate-limits.mdx).
/// <see cref="Display"/> is safe to log: interaction and webhook tokens are masked.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Template, string MajorParameter, string Display)
{
    /// <summary>Interaction callbacks are exempt from the global limit (Discord topics/rate-limits.mdx).</summary>
    public bool CountsTowardGlobalLimit { get; init; } = true;

    /// <summary>Webhook and interaction-token routes are authorised by the token in the path.</summary>
    public bool SendsBotToken { get; init; } = true;

    /// <summary>Interaction-token routes are used a few times within 15 minutes and never again, so their
    /// buckets are not remembered (a 429 there is still waited out).</summary>
    public bool TrackBucket { get; init; } = true;

    public string BucketKey => Template + "|" + MajorParameter;

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, $"channels/{Id(channelId)}/messages", "POST channels/{c}/messages", "channels/" + channelId,
            $"POST /channels/{channelId}/messages");

    public static DiscordRoute EditMessage(string channelId, string messageId) =>
        new(HttpMethod.Patch, $"channels/{Id(channelId)}/messages/{Id(messageId)}", "PATCH channels/{c}/messages/{m}",
            "channels/" + channelId, $"PATCH /channels/{channelId}/messages/{messageId}");

    public static DiscordRoute OpenDm() =>
        new(HttpMethod.Post, "users/@me/channels", "POST users/@me/channels", "", "POST /users/@me/channels");

    /// <summary>Get Channel (Discord resources/channel.mdx): its guild_id names the server a shared chat belongs to.</summary>
    public static DiscordRoute GetChannel(string channelId) =>
        new(HttpMethod.Get, $"channels/{Id(channelId)}", "GET channels/{c}", "channels/" + channelId, $"GET /channels/{channelId}");

    /// <summary>Get Guild Member (Discord resources/guild.mdx): 404 with code 10007 Unknown Member when the user left.</summary>
    public static DiscordRoute GetGuildMember(string guildId, string userId) =>
        new(HttpMethod.Get, $"guilds/{Id(guildId)}/members/{Id(userId)}", "GET guilds/{g}/members/{u}", "guilds/" + guildId,
            $"GET /guilds/{guildId}/members/{userId}");

    public static DiscordRoute GatewayBot() =>
        new(HttpMethod.Get, "gateway/bot", "GET gateway/bot", "", "GET /gateway/bot");

    public static DiscordRoute BulkOverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, $"applications/{Id(applicationId)}/commands", "PUT applications/{a}/commands", "",
            $"PUT /applications/{applicationId}/commands")
        : new(HttpMethod.Put, $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands",
            "PUT applications/{a}/guilds/{g}/commands", "guilds/" + guildId,
            $"PUT /applications/{applicationId}/guilds/{guildId}/commands");

    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, $"interactions/{Id(interactionId)}/{Uri.EscapeDataString(token)}/callback",
            "POST interactions/{i}/{t}/callback", "interactions/" + interactionId,
            $"POST /interactions/{interactionId}/***/callback")
        { CountsTowardGlobalLimit = false, SendsBotToken = false, TrackBucket = false };

    public static DiscordRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, $"webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}/messages/@original",
            "PATCH webhooks/{a}/{t}/messages/@original", "webhooks/" + applicationId + "/" + token,
            $"PATCH /webhooks/{applicationId}/***/messages/@original")
        { SendsBotToken = false, TrackBucket = false };

    public static DiscordRoute FollowUp(string applicationId, string token) =>
        new(HttpMethod.Post, $"webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}", "POST webhooks/{a}/{t}",
            "webhooks/" + applicationId + "/" + token, $"POST /webhooks/{applicationId}/***")
        { SendsBotToken = false, TrackBucket = false };

    /// <summary>Edit Webhook Message (Discord resources/webhook.mdx): the alert's "also reported by" update.</summary>
    public static DiscordRoute EditWebhookMessage(string webhookId, string token, string messageId) =>
        new(HttpMethod.Patch, $"webhooks/{Id(webhookId)}/{Uri.EscapeDataString(token)}/messages/{Id(messageId)}", "PATCH webhooks/{w}/{t}/messages/{m}",
            "webhooks/" + webhookId + "/" + token, $"PATCH /webhooks/{webhookId}/***/messages/{messageId}");

    /// <summary>Get Webhook with Token (Discord resources/webhook.mdx): needs no bot token; 404/10015 when the webhook is gone.</summary>
    public static DiscordRoute GetWebhook(string webhookId, string token) =>
        new(HttpMethod.Get, $"webhooks/{Id(webhookId)}/{Uri.EscapeDataString(token)}", "GET webhooks/{w}/{t}",
            "webhooks/" + webhookId + "/" + token, $"GET /webhooks/{webhookId}/***")
        { SendsBotToken = false };

    /// <summary>Execute Webhook with ?wait=true so Discord returns the message (and errors) instead of 204.</summary>
    public static DiscordRoute ExecuteWebhook(string webhookId, string token) =>
        new(HttpMethod.Post, $"webhooks/{Id(webhookId)}/{Uri.EscapeDataString(token)}?wait=true", "POST webhooks/{w}/{t}",
            "webhooks/" + webhookId + "/" + token, $"POST /webhooks/{webhookId}/***")
        { SendsBotToken = false };

    /// <summary>Snowflakes are digits; anything else would change the path, so it is refused here.</summary>
    private static string Id(string snowflake) =>
        snowflake.Length is > 0 and <= 20 && snowflake.All(char.IsAsciiDigit)
            ? snowflake
            : throw new ArgumentException($"Discord: '{snowflake}' is not a snowflake id (expected up to 20 digits).");
}
