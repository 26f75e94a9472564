using NewsBot.Core.Filters;

namespace NewsBot.Core.SourceHealth;

/// <summary>What the rule needs to know about one chat.</summary>
/// <param name="Filters">The chat's filter lines as stored (lines that no longer parse are ignored).</param>
/// <param name="RecentAlertSources">Sources of the alerts the chat got within <see cref="DependentChats.History"/>.</param>
public sealed record ChatReach(long ChatId, IReadOnlyList<string> Filters, IReadOnlyCollection<long> RecentAlertSources);

/// <summary>
/// The chats that receive news only from a failing source, so its silence is theirs too. A chat
/// depends on source S when its filters can match S (see <see cref="SourceReach"/>) and either
/// <list type="number">
/// <item>its filters can match no other active source (all of them are restricted with
/// <c>source:</c> to S, or S is the only source NewsBot has), or</item>
/// <item>its filters could match other sources too, but every alert it got in the last
/// <see cref="History"/> came from S (and there was at least one).</item>
/// </list>
/// A chat that also hears from another source is not told: its alerts keep coming.
/// </summary>
public static class DependentChats
{
    public static readonly TimeSpan History = TimeSpan.FromDays(14);

    /// <param name="activeSources">The sources that are not paused, including <paramref name="failing"/>.</param>
    public static IReadOnlyList<long> Of(SourceIdentity failing, IReadOnlyList<SourceIdentity> activeSources, IEnumerable<ChatReach> chats)
    {
        var sources = activeSources.Any(s => s.Id == failing.Id) ? activeSources : [.. activeSources, failing];
        var dependent = new List<long>();
        foreach (var chat in chats)
            if (Depends(chat, failing.Id, sources)) dependent.Add(chat.ChatId);
        return dependent;
    }

    private static bool Depends(ChatReach chat, long failingId, IReadOnlyList<SourceIdentity> sources)
    {
        var filters = chat.Filters.Select(text => FilterParser.Parse(text)).OfType<FilterParseResult.Success>().Select(s => s.Filter).ToList();
        var reach = SourceReach.Of(filters, sources);
        if (!reach.Contains(failingId)) return false;
        if (reach.Count == 1) return true;
        return chat.RecentAlertSources.Count > 0 && chat.RecentAlertSources.All(id => id == failingId);
    }
}
