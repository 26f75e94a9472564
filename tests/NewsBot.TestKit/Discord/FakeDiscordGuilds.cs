using System.Collections.Concurrent;

namespace NewsBot.TestKit.Discord;

/// <summary>
/// Which server (guild) each channel belongs to and who left it, for GET /channels/{id} and
/// GET /guilds/{guild}/members/{user} (resources/guild.mdx: 404 with code 10007 Unknown Member).
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly ConcurrentDictionary<string, string> _guildOfChannel = new();
    private readonly ConcurrentDictionary<(string Guild, string User), bool> _leftMembers = new();

    /// <summary>Makes a guild text channel known: GET /channels/{id} answers it with this guild_id; unknown channels are 404 10003.</summary>
    public void AddGuildChannel(string channelId, string guildId) => _guildOfChannel[channelId] = guildId;

    /// <summary>The user left (or was removed from) the guild: GET /guilds/{guild}/members/{user} answers 404 10007.</summary>
    public void RemoveGuildMember(string guildId, string userId) => _leftMembers[(guildId, userId)] = true;

    internal string? GuildOf(string channelId) => _guildOfChannel.GetValueOrDefault(channelId);

    internal bool IsGuildMember(string guildId, string userId) => !_leftMembers.ContainsKey((guildId, userId));
}
