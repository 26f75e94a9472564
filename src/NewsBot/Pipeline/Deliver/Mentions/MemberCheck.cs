using System.Collections.Concurrent;
using NewsBot.Core.Platforms;

namespace NewsBot.Pipeline.Deliver.Mentions;

/// <summary>
/// Whether a member is still in a shared chat, asked of the platform lazily (when a personal alert or mention of
/// theirs is delivered) and remembered for <see cref="Ttl"/> per chat and member, in a cache of bounded size.
/// A platform that cannot tell, or fails to answer, counts the member as present: a missed "left" costs one
/// alert, a wrong "left" would silence a member.
/// </summary>
public sealed partial class MemberCheck(TimeProvider time, ILogger<MemberCheck> log)
{
    /// <summary>How long an answer is trusted; a member who left gets personal alerts at most this much longer.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string, string, string), (bool Member, DateTimeOffset Until)> _cache = new();

    public async Task<bool> IsMemberAsync(IChatPlatform platform, string chatId, string userId, CancellationToken ct)
    {
        var key = (platform.Name, chatId, userId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var known) && known.Until > now) return known.Member;
        bool? answer;
        try
        {
            answer = await platform.IsMemberAsync(chatId, userId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogUnknown(platform.Name, chatId, userId, e.Message);
            answer = null;
        }
        var member = answer ?? true;
        // Bounded: a full cache starts over (each entry is only a saved question to the platform).
        if (_cache.Count >= MaxEntries) _cache.Clear();
        _cache[key] = (member, now + Ttl);
        return member;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} chat {ChatId}: could not check whether member {UserId} is still there ({Cause}); counted as present for an hour")]
    private partial void LogUnknown(string platform, string chatId, string userId, string cause);
}
