namespace NewsBot.Discord.Interactions;

/// <summary>
/// The parts of an APPLICATION_COMMAND interaction NewsBot uses (Discord interactions/receiving-and-responding.mdx).
/// <see cref="Options"/> holds the subcommand's options as text (integers in invariant digits).
/// </summary>
public sealed record DiscordInteraction(
    string Id,
    string ApplicationId,
    string Token,
    int Type,
    string? CommandName,
    string? SubcommandName,
    IReadOnlyDictionary<string, string> Options,
    string? GuildId,
    string? ChannelId,
    string UserId,
    ulong? MemberPermissions)
{
    public const int ApplicationCommandType = 2;

    /// <summary>3 MESSAGE_COMPONENT: a button under one of the bot's messages was pressed; its custom_id is <see cref="CustomId"/>.</summary>
    public const int MessageComponentType = 3;

    /// <summary>4 APPLICATION_COMMAND_AUTOCOMPLETE: the user is typing an option marked <c>autocomplete</c>.</summary>
    public const int AutocompleteType = 4;

    /// <summary>In an autocomplete interaction, the option being typed (<c>"focused": true</c>); its partial text is in <see cref="Options"/>.</summary>
    public string? FocusedOption { get; init; }

    /// <summary>The type of the channel the interaction came from (channel.type), when Discord sent it.</summary>
    public int? ChannelType { get; init; }

    /// <summary>channel.parent_id: for a thread, the channel or forum it belongs to; for a channel, its category.</summary>
    public string? ParentChannelId { get; init; }

    /// <summary>channel.name: the channel's, thread's or forum post's name.</summary>
    public string? ChannelName { get; init; }

    /// <summary>
    /// Sent in a thread: 10 ANNOUNCEMENT_THREAD, 11 PUBLIC_THREAD (a forum or media post is one too, with the
    /// forum as parent), 12 PRIVATE_THREAD (resources/channel.mdx "Channel Types"). A thread is a chat of its own.
    /// </summary>
    public bool IsThread => ChannelType is 10 or 11 or 12 && ParentChannelId is not null;

    /// <summary>In a MESSAGE_COMPONENT interaction, the pressed button's custom_id (NewsBot puts the command text there).</summary>
    public string? CustomId { get; init; }

    /// <summary>A DM with the bot: no guild, no member, the filters belong to the user.</summary>
    public bool IsDirectMessage => GuildId is null;

    /// <summary>Manage Channels or Administrator in this channel (Discord topics/permissions.mdx).</summary>
    public bool CanManageChannel => DiscordPermissions.Has(MemberPermissions, DiscordPermissions.ManageChannels);

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    /// <summary>The token authorises replies for 15 minutes; keep it out of logs.</summary>
    public override string ToString() =>
        $"interaction {Id} /{CommandName}{(SubcommandName is null ? "" : " " + SubcommandName)} by {UserId} in {(IsDirectMessage ? "DM" : $"guild {GuildId} channel {ChannelId}")}";
}

/// <summary>Permission bits (Discord topics/permissions.mdx). ADMINISTRATOR implies every permission.</summary>
public static class DiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ManageGuild = 1UL << 5;

    public static bool Has(ulong? permissions, ulong bit) =>
        permissions is { } p && ((p & Administrator) != 0 || (p & bit) == bit);
}

/// <summary>What the command layer answers; rendered as an interaction reply (ephemeral by default).</summary>
public sealed record DiscordReply(string Content, bool Ephemeral = true)
{
    public IReadOnlyList<Rest.DiscordEmbed>? Embeds { get; init; }
}
