using System.Globalization;
using System.Text.Json;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// Reads an interaction object from INTERACTION_CREATE. Snowflakes and the permission bitset are strings
/// (Discord reference.mdx "Snowflakes", topics/permissions.mdx). Bad input becomes an
/// <see cref="InvalidDataException"/> naming the missing field, never a crash of the gateway loop.
/// </summary>
public static class InteractionParser
{
    public static DiscordInteraction Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) throw Invalid("payload is not an object");
        var id = Required(payload, "id");
        var token = Required(payload, "token");
        var applicationId = Required(payload, "application_id");
        var type = payload.TryGetProperty("type", out var t) && t.TryGetInt32(out var typeValue) ? typeValue : throw Invalid("no type", id);

        // In guilds the user is member.user; in DMs it is user (receiving-and-responding.mdx "Interaction Object").
        payload.TryGetProperty("member", out var member);
        var user = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("user", out var mu) ? mu
            : payload.TryGetProperty("user", out var u) ? u : default;
        var userId = user.GetStringOrNull("id") ?? throw Invalid("no member.user.id or user.id", id);
        ulong? permissions = null;
        if (member.GetStringOrNull("permissions") is { } bits)
            permissions = ulong.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : throw Invalid($"permissions '{bits}' is not a number", id);

        string? commandName = null, subcommand = null, focused = null, customId = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (payload.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            commandName = data.GetStringOrNull("name");
            // components/reference.mdx: custom_id is at most 100 characters; a longer one is not ours.
            customId = data.GetStringOrNull("custom_id") is { Length: <= 100 } id2 ? id2 : null;
            var list = data.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array ? o : default;
            if (list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 && list[0].TryGetProperty("type", out var ot)
                && ot.TryGetInt32(out var optionType) && optionType == OptionType.SubCommand)
            {
                subcommand = list[0].GetStringOrNull("name");
                list = list[0].TryGetProperty("options", out var inner) ? inner : default;
            }
            if (list.ValueKind == JsonValueKind.Array)
                foreach (var option in list.EnumerateArray())
                    if (option.GetStringOrNull("name") is { } name && option.TryGetProperty("value", out var value))
                    {
                        options[name] = ValueText(value);
                        if (option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True) focused = name;
                    }
        }
        // The partial channel object: a thread's parent_id is the channel (or forum) it hangs off; for other
        // channels parent_id is their category, which is not a chat (resources/channel.mdx "Channel Object").
        payload.TryGetProperty("channel", out var channel);
        var channelType = channel.ValueKind == JsonValueKind.Object && channel.TryGetProperty("type", out var ct) && ct.TryGetInt32(out var typeNumber)
            ? typeNumber : (int?)null;
        return new DiscordInteraction(id, applicationId, token, type, commandName, subcommand, options,
            payload.GetStringOrNull("guild_id"), payload.GetStringOrNull("channel_id"), userId, permissions)
        {
            FocusedOption = focused,
            ChannelType = channelType,
            ParentChannelId = channel.GetStringOrNull("parent_id"),
            ChannelName = Capped(channel.GetStringOrNull("name"), 100),
            CustomId = customId,
        };
    }

    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    /// <summary>Discord channel and thread names are 1-100 characters; anything longer is not Discord's.</summary>
    private static string? Capped(string? text, int max) => text is { Length: > 0 } t ? (t.Length > max ? t[..max] : t) : null;

    private static string Required(JsonElement payload, string field) =>
        payload.GetStringOrNull(field) is { Length: > 0 } value ? value : throw Invalid($"no {field}", payload.GetStringOrNull("id"));

    private static InvalidDataException Invalid(string cause, string? id = null) =>
        new($"Discord interaction{(id is null ? "" : " " + id)}: {cause}");
}
