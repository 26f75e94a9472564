using NewsBot.Core.Platforms;
using NewsBot.Scaling;

namespace NewsBot.Platforms;

/// <summary>
/// The chat platforms this instance runs, by the name stored on chats, and which of them it may send
/// to now: a platform that <see cref="PlatformCapabilities.NeedsLeader"/> only while this instance
/// holds its bot's lease.
/// </summary>
public sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms, LeaderElection leaders)
{
    private readonly Dictionary<string, IChatPlatform> _byName = platforms.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IChatPlatform> All => _byName.Values;

    public IChatPlatform? Find(string name) => _byName.GetValueOrDefault(name);

    public bool MaySend(IChatPlatform platform) => !platform.Capabilities.NeedsLeader || leaders.MaySend(platform.Name);

    /// <summary>Names of the platforms this instance may send to now.</summary>
    public string[] SendableNow() => _byName.Values.Where(MaySend).Select(p => p.Name).ToArray();
}
