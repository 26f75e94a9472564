using System.Collections.Concurrent;
using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// The DM channel of a member who follows a filter in a server channel, where their personal alerts go.
/// Opened once per user (POST /users/@me/channels returns the existing channel; Discord resources/user.mdx
/// "Create DM") and remembered. A user who cannot be messaged (400/403 with 50007 or 50278) has none: they are
/// mentioned in the channel instead; that answer is not remembered, so opening DMs later counts at the next /follow.
/// </summary>
internal sealed class DirectMessages
{
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, string> _channels = new();

    public async Task<string?> OpenAsync(DiscordRestClient rest, string userId, CancellationToken ct)
    {
        if (_channels.TryGetValue(userId, out var known)) return known;
        try
        {
            var channel = await rest.OpenDmAsync(userId, ct);
            if (_channels.Count >= MaxRemembered) _channels.Clear();
            _channels[userId] = channel;
            return channel;
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCodes.CannotSendMessagesToUser or DiscordErrorCodes.NoMutualGuilds)
        {
            return null;
        }
        catch (Exception e) when (e is DiscordApiException or DiscordTransportException)
        {
            return null; // Discord did not say; the reply tells the member they will be mentioned here
        }
    }
}
