namespace NewsBot.Discord.Interactions;

/// <summary>
/// A CHAT_INPUT command for bulk overwrite (Discord interactions/application-commands.mdx): name 1–32 lowercase,
/// description 1–100, at most 25 options. <see cref="DefaultMemberPermissions"/> is a permission bitset string
/// that only hides the command; the server side still checks permissions.
/// </summary>
public sealed record ApplicationCommand(string Name, string Description, IReadOnlyList<ApplicationCommandOption> Options)
{
    public int Type { get; init; } = 1;
    public string? DefaultMemberPermissions { get; init; }
}

public sealed record ApplicationCommandOption(int Type, string Name, string Description)
{
    public bool? Required { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    public int? MinValue { get; init; }
    public int? MaxLength { get; init; }
}

/// <summary>Discord application command option types.</summary>
public static class OptionType
{
    public const int SubCommand = 1;
    public const int String = 3;
    public const int Integer = 4;
}

/// <summary>The body of POST /interactions/{id}/{token}/callback (Discord interactions/receiving-and-responding.mdx).</summary>
public sealed record InteractionCallback(int Type, Rest.DiscordMessageBody? Data)
{
    /// <summary>4 CHANNEL_MESSAGE_WITH_SOURCE: the reply itself.</summary>
    public static InteractionCallback Reply(Rest.DiscordMessageBody message) => new(4, message);

    /// <summary>5 DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: "thinking…"; EPHEMERAL is the only flag allowed here.</summary>
    public static InteractionCallback Defer(bool ephemeral) =>
        new(5, ephemeral ? new Rest.DiscordMessageBody { Flags = Rest.MessageFlags.Ephemeral, AllowedMentions = null } : null);
}
