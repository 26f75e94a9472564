using System.Text.Json.Nodes;

namespace NewsBot.TestKit.Discord;

/// <summary>
/// A slash command as a user would send it, turned into the interaction object of Discord's
/// interactions/application-commands.mdx "Slash Command Interaction" sample. In a guild the user comes
/// in member.user with member.permissions; in a DM it comes in user.
/// </summary>
public sealed record FakeInteraction(string Command, string? Subcommand, IReadOnlyDictionary<string, object>? Options = null)
{
    public string? GuildId { get; init; } = "1200000000000000001";
    public string ChannelId { get; init; } = "1300000000000000001";
    public string UserId { get; init; } = "1400000000000000001";

    /// <summary>The member's permission bitset as Discord sends it (a string); ignored in DMs.</summary>
    public string Permissions { get; init; } = "0";

    /// <summary>Set to an option's name to send an APPLICATION_COMMAND_AUTOCOMPLETE (type 4) with that option being typed.</summary>
    public string? Focused { get; init; }

    /// <summary>channel.type of the channel it was sent in: 0 GUILD_TEXT, 11 PUBLIC_THREAD (also a forum post), …</summary>
    public int ChannelType { get; init; }

    /// <summary>channel.parent_id: for a thread the channel or forum it hangs off.</summary>
    public string? ParentId { get; init; }

    /// <summary>channel.name.</summary>
    public string ChannelName { get; init; } = "news";

    /// <summary>The same command typed in a thread (or forum post) under the current channel.</summary>
    public FakeInteraction InThread(string threadId, string name) =>
        this with { ParentId = ChannelId, ChannelId = threadId, ChannelType = 11, ChannelName = name };

    /// <summary>Set to send a MESSAGE_COMPONENT (type 3): a press on the bot's button with this custom_id.</summary>
    public string? CustomId { get; init; }

    /// <summary>The message the pressed button hangs under.</summary>
    public string MessageId { get; init; } = "1700000000000000001";

    /// <summary>A press on a button under one of the bot's messages (receiving-and-responding.mdx, "Message Component Data").</summary>
    public static FakeInteraction Button(string customId) => new("", null) { CustomId = customId };

    public FakeInteraction InDm() => this with { GuildId = null, ChannelId = "1310000000000000001" };

    internal JsonObject ToPayload(string id, string token, string applicationId)
    {
        var options = new JsonArray();
        foreach (var (name, value) in Options ?? new Dictionary<string, object>())
        {
            var option = new JsonObject
            {
                ["type"] = value is int or long ? 4 : value is bool ? 5 : 3,
                ["name"] = name,
                ["value"] = JsonValue.Create(value),
            };
            if (name == Focused) option["focused"] = true; // receiving-and-responding.mdx: the option the user is typing
            options.Add(option);
        }
        var data = new JsonObject { ["id"] = "1500000000000000001", ["name"] = Command, ["type"] = 1 };
        data["options"] = Subcommand is null ? options : new JsonArray { new JsonObject { ["type"] = 1, ["name"] = Subcommand, ["options"] = options } };
        if (CustomId is not null) data = new JsonObject { ["custom_id"] = CustomId, ["component_type"] = 2 };
        var user = new JsonObject { ["id"] = UserId, ["username"] = "reader", ["discriminator"] = "0", ["global_name"] = "Reader", ["avatar"] = null };
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = applicationId,
            ["type"] = CustomId is not null ? 3 : Focused is null ? 2 : 4,
            ["data"] = data,
            ["channel_id"] = ChannelId,
            ["token"] = token,
            ["version"] = 1,
            ["app_permissions"] = "2248473465835073",
            ["locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 10485760,
        };
        // interactions/receiving-and-responding.mdx: channel is a partial channel object of where it was sent.
        payload["channel"] = GuildId is null
            ? new JsonObject { ["id"] = ChannelId, ["type"] = 1 }
            : new JsonObject { ["id"] = ChannelId, ["type"] = ChannelType, ["name"] = ChannelName, ["guild_id"] = GuildId, ["parent_id"] = ParentId };
        if (CustomId is not null) payload["message"] = new JsonObject { ["id"] = MessageId, ["channel_id"] = ChannelId, ["type"] = 0 };
        if (GuildId is null)
        {
            payload["user"] = user;
            payload["context"] = 1;
        }
        else
        {
            payload["guild_id"] = GuildId;
            payload["guild_locale"] = "en-US";
            payload["context"] = 0;
            payload["member"] = new JsonObject
            {
                ["user"] = user, ["roles"] = new JsonArray(), ["permissions"] = Permissions, ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
                ["deaf"] = false, ["mute"] = false, ["flags"] = 0, ["pending"] = false, ["nick"] = null, ["avatar"] = null,
            };
        }
        return payload;
    }
}
