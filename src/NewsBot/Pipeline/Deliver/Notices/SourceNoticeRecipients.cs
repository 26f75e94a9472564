using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Platforms;
using NewsBot.Core.SourceHealth;
using NewsBot.Platforms;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Notices;

/// <summary>One addressee of a source notice: a subscribed chat (<see cref="ChatId"/> set) or an admin.</summary>
public sealed record NoticeRecipient(string Platform, string Target, long? ChatId);

/// <summary>
/// Who hears about a failing source: the chats that depend on it (the rule is
/// <see cref="DependentChats"/>) and the admins the running platforms name (<see cref="IChatPlatform.AdminRecipients"/>).
/// An admin who is also a dependent chat hears once.
/// </summary>
public sealed class SourceNoticeRecipients(ChatPlatforms running)
{
    public async Task<IReadOnlyList<NoticeRecipient>> DependentChatsAsync(NewsBotDbContext db, Source source, ISet<string> platforms, DateTime now, CancellationToken ct)
    {
        var sources = await db.Sources.AsNoTracking().Where(s => !s.Paused || s.Id == source.Id)
            .Select(s => new { s.Id, s.Name, s.Url }).ToListAsync(ct);
        var chats = await db.Chats.AsNoTracking().Where(c => !c.Paused && c.DeactivatedReason == null)
            .Select(c => new { c.Id, c.Platform, c.ExternalId, Filters = c.Filters.Select(f => f.Text).ToList() }).ToListAsync(ct);
        var since = now - DependentChats.History;
        var recent = (await db.Alerts.AsNoTracking().Where(a => a.CreatedAt >= since)
                .Select(a => new { a.ChatId, a.Article!.SourceId }).Distinct().ToListAsync(ct))
            .ToLookup(a => a.ChatId, a => a.SourceId);

        var dependent = DependentChats.Of(
            Identity(source.Id, source.Name, source.Url),
            sources.Select(s => Identity(s.Id, s.Name, s.Url)).ToList(),
            chats.Where(c => platforms.Contains(c.Platform)).Select(c => new ChatReach(c.Id, c.Filters, recent[c.Id].ToList()))).ToHashSet();
        return chats.Where(c => dependent.Contains(c.Id)).Select(c => new NoticeRecipient(c.Platform, c.ExternalId, c.Id)).ToList();
    }

    /// <summary>
    /// The admins the running platforms name. Admins are people a bot can message privately
    /// (<see cref="PlatformCapabilities.CanMessageUser"/>); a platform that cannot (the console)
    /// stands in for them only when no such platform names an admin.
    /// </summary>
    public IReadOnlyList<NoticeRecipient> Admins()
    {
        var people = AdminsOf(running.All.Where(p => p.Capabilities.CanMessageUser));
        return people.Count > 0 ? people : AdminsOf(running.All.Where(p => !p.Capabilities.CanMessageUser));
    }

    // A user reached privately is stored with a prefix; the platform opens the private channel when sending.
    private static List<NoticeRecipient> AdminsOf(IEnumerable<IChatPlatform> running) =>
        running.SelectMany(p => p.AdminRecipients.Select(r =>
            new NoticeRecipient(p.Name, r.IsUser ? SourceNotice.UserTargetPrefix + r.Id : r.Id, null))).ToList();

    private static SourceIdentity Identity(long id, string name, string url) => new(id, name, SourceAddress.Host(url));
}
