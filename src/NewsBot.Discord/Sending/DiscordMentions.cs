using System.Collections.Concurrent;
using NewsBot.Core.Alerts;
using NewsBot.Discord.Rendering;
using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Sending;

/// <summary>Members mentioned in a server channel, and whether a member is still in its server (personal alerts of shared chats).</summary>
public sealed partial class DiscordAlertSender
{
    /// <summary>Discord resources/message.mdx "Allowed Mentions": <c>users</c> holds at most 100 ids.</summary>
    public const int MentionsPerMessage = 100;

    /// <summary>Guild of each shared channel (a channel never moves to another server); bounded, started over when full.</summary>
    private readonly ConcurrentDictionary<string, string?> _guildOfChannel = new();

    /// <summary>
    /// <c>&lt;@id&gt;</c> for each member, with <c>allowed_mentions: {"parse":[],"users":[…]}</c> so exactly those
    /// members are pinged and nothing in the headline can ping anyone else.
    /// </summary>
    public async Task<SendOutcome> SendMentionsAsync(string chatId, MentionMessage message, CancellationToken cancellationToken)
    {
        var users = message.Members.Select(m => m.UserId).Where(id => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit)).Distinct().Take(MentionsPerMessage).ToList();
        var headline = DigestMarkdown.Escape(message.Headline.Length <= 300 ? message.Headline : message.Headline[..300]);
        var content = $"{string.Join(" ", users.Select(id => $"<@{id}>"))}: your filter matched\n**{headline}**{(message.Link is null ? "" : "\n" + message.Link)}";
        var body = new DiscordMessageBody { Content = content, AllowedMentions = AllowedMentions.None with { Users = users } };
        try
        {
            return _outcomes.Sent(chatId, await rest.CreateMessageAsync(chatId, body, cancellationToken));
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            return _outcomes.Map(chatId, ex);
        }
        catch (ArgumentException ex)
        {
            return new SendOutcome.ChatGone($"Discord: chat id is not a channel id: {ex.Message}");
        }
    }

    /// <summary>
    /// GET /guilds/{guild}/members/{user}: 10007 Unknown Member means the user left the server. The channel's
    /// guild comes from GET /channels/{id}, remembered. Other errors are the caller's (it counts the member present).
    /// </summary>
    public async Task<bool?> IsMemberAsync(string chatId, string userId, CancellationToken cancellationToken)
    {
        if (!_guildOfChannel.TryGetValue(chatId, out var guild))
        {
            guild = await rest.GetChannelGuildAsync(chatId, cancellationToken);
            if (_guildOfChannel.Count >= 10_000) _guildOfChannel.Clear();
            _guildOfChannel[chatId] = guild;
        }
        return guild is null ? null : await rest.IsGuildMemberAsync(guild, userId, cancellationToken);
    }
}
