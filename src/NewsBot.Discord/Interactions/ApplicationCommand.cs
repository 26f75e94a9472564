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
    public int? MaxValue { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>At most 25 fixed values the user picks from; cannot be combined with <see cref="Autocomplete"/>.</summary>
    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    /// <summary>Discord sends APPLICATION_COMMAND_AUTOCOMPLETE interactions while the user types this option.</summary>
    public bool? Autocomplete { get; init; }
}

/// <summary>An option choice (interactions/application-commands.mdx): name 1–100 characters, a string value up to 100.</summary>
public sealed record CommandChoice(string Name, string Value);

/// <summary>Discord application command option types, named as Discord's documentation names them.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Discord's names for its option types (STRING, INTEGER)")]
public static class OptionType
{
    public const int SubCommand = 1;
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;
}

/// <summary>Discord application command limits (interactions/application-commands.mdx), checked by tests.</summary>
public static class CommandLimits
{
    public const int NameLength = 32;
    public const int DescriptionLength = 100;
    public const int Options = 25;
    public const int Choices = 25;
    public const int ChoiceNameLength = 100;
    public const int ChoiceValueLength = 100;

    /// <summary>Names, descriptions and choice names and values of a command and all its options together.</summary>
    public const int TotalCharacters = 8000;
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
