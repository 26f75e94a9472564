using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Sources;
using NewsBot.Core.Commands;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Commands;

/// <summary>/sources for everyone; /addsource, /removesource, /pausesource, /resumesource, /stats for admins.</summary>
public sealed class SourceCommands(SourceAdder adder, SourceEditor editor, TimeProvider time)
{
    public async Task<CommandReply> ListAsync(NewsBotDbContext db, bool withHealth, CancellationToken ct)
    {
        var rows = await db.Sources.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        if (rows.Count == 0) return new CommandReply("No sources yet.");
        var push = withHealth ? await Pipeline.Push.PushHealth.OfSourcesAsync(db, ct) : new Dictionary<long, string>();
        var text = new StringBuilder("Sources:\n");
        foreach (var s in rows)
        {
            text.Append('#').Append(s.Id).Append(' ').Append(s.Name);
            if (s.Kind == SourceKind.Page) text.Append(" (page)");
            if (s.Paused) text.Append(" (paused)");
            text.AppendLine();
            if (!withHealth) continue;
            text.Append("   ").Append(s.Url).AppendLine();
            if (s.Kind == SourceKind.Page) text.Append("   page, links: ").Append(s.PageLinkSelector ?? "found by NewsBot").AppendLine();
            text.Append("   last fetch ").Append(When(s.LastSuccessAt)).Append(", next ").Append(When(s.NextPollAt));
            if (s.LastError is not null) text.Append(", failing ×").Append(s.ConsecutiveFailures).Append(": ").Append(s.LastError);
            text.AppendLine();
            if (s.LastWarning is not null) text.Append("   at the last read: ").AppendLine(s.LastWarning);
            if (push.TryGetValue(s.Id, out var pushed)) text.Append("   ").AppendLine(pushed);
        }
        return new CommandReply(text.ToString().TrimEnd());
    }

    /// <summary>/addsource: a feed, a site whose feed is found, or a page source; the reply says what was chosen and found.</summary>
    public async Task<CommandReply> AddAsync(NewsBotDbContext db, ChatCommand.AddSource add, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(add);
        var draft = new SourceDraft(add.Url.AbsoluteUri, add.SourceName, Kind: add.Page ? SourceKind.Page : SourceKind.Feed,
            PageLinkSelector: add.LinkSelector);
        return await adder.AddAsync(db, draft, SourceOrigin.Remote, ct) switch
        {
            SourceAddResult.Duplicate { Existing: var existing, Discovered: { } found } =>
                new CommandReply($"I {DiscoveryWording.Choice(found)}. That feed is already source #{existing.Id} ({existing.Name})."),
            SourceAddResult.Duplicate { Existing: var existing } =>
                new CommandReply($"That {(add.Page ? "page" : "feed")} is already source #{existing.Id} ({existing.Name})."),
            SourceAddResult.Unreadable { Error: var error } =>
                new CommandReply($"I could not add it: {error}."),
            SourceAddResult.NoFeed { Search: var none } =>
                new CommandReply(ReplyText.Plain($"I could not add it: {DiscoveryWording.NoFeed(none)}. ") +
                                 ReplyText.Of($"To follow the page itself, its article links as the news: {CommandMention.Of("addsource", "page", add.Url.AbsoluteUri)}")),
            SourceAddResult.Added { Source: { Kind: SourceKind.Page } source, Read: { } ok } =>
                new CommandReply($"Added page source #{source.Id} {source.Name}: {DiscoveryWording.PageLinks(ok)}. " +
                                 "Those are recorded as seen; alerts start with the next new link."),
            SourceAddResult.Added { Source: var source, Read: { } ok, Discovered: { } found } =>
                new CommandReply($"Added source #{source.Id} {source.Name}: I {DiscoveryWording.Choice(found)}. {ok.Feed.Items.Count} items now. " +
                                 "Those are recorded as seen; alerts start with the next new article."),
            SourceAddResult.Added { Source: var source, Read: { } ok } =>
                new CommandReply($"Added source #{source.Id} {source.Name}: {ok.Feed.Items.Count} items now. " +
                                 "Those are recorded as seen; alerts start with the next new article."),
            SourceAddResult.Invalid { Problem: SourceProblem.TooLong } =>
                new CommandReply($"That address is longer than {SourceUrl.MaxLength} characters; I cannot add it."),
            SourceAddResult.Invalid { Problem: SourceProblem.SelectorTooLong } =>
                new CommandReply($"That links selector is longer than {SourceUrl.MaxLinkSelectorLength} characters; I cannot add it."),
            SourceAddResult.Invalid =>
                new CommandReply("Sources added from chat must be http:// or https:// URLs."),
            var other => throw new InvalidOperationException($"source '{add.Url}': unexpected add result {other.GetType().Name}"),
        };
    }

    public async Task<CommandReply> RemoveAsync(NewsBotDbContext db, long id, CancellationToken ct)
    {
        var source = await editor.RemoveAsync(db, id, ct);
        if (source is null) return NoSuch(id);
        return new CommandReply($"Removed source #{id} {source.Name}.");
    }

    public async Task<CommandReply> SetPausedAsync(NewsBotDbContext db, long id, bool paused, CancellationToken ct)
    {
        var source = await editor.SetPausedAsync(db, id, paused, ct);
        if (source is null) return NoSuch(id);
        return new CommandReply(paused ? $"Paused source #{id} {source.Name}." : $"Resumed source #{id} {source.Name}.");
    }

    public async Task<CommandReply> StatsAsync(NewsBotDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        var dayAgo = now.AddDays(-1);
        var failing = await db.Sources.AsNoTracking().Where(s => s.LastError != null)
            .OrderByDescending(s => s.ConsecutiveFailures).Take(10).ToListAsync(ct);
        var text = new StringBuilder()
            .Append("Sources: ").Append(await db.Sources.CountAsync(ct))
            .Append(" (paused ").Append(await db.Sources.CountAsync(s => s.Paused, ct)).AppendLine(")")
            .Append("Chats: ").Append(await db.Chats.CountAsync(ct))
            .Append(" (paused ").Append(await db.Chats.CountAsync(c => c.Paused, ct))
            .Append(", unreachable ").Append(await db.Chats.CountAsync(c => c.DeactivatedReason != null, ct)).AppendLine(")")
            .Append("Filters: ").Append(await db.Filters.CountAsync(ct)).AppendLine()
            .Append("Alerts sent: ").Append(await db.Alerts.CountAsync(a => a.Status == AlertStatus.Sent && a.SentAt >= hourAgo, ct))
            .Append(" last hour, ").Append(await db.Alerts.CountAsync(a => a.Status == AlertStatus.Sent && a.SentAt >= dayAgo, ct))
            .AppendLine(" last day")
            .Append("Alerts waiting: ").Append(await db.Alerts.CountAsync(a => a.Status == AlertStatus.Pending, ct))
            .Append(", failed last day: ").Append(await db.Alerts.CountAsync(a => a.Status == AlertStatus.Failed && a.CreatedAt >= dayAgo, ct))
            .AppendLine();
        text.Append("Failing sources: ").Append(failing.Count == 0 ? "none" : "").AppendLine();
        foreach (var s in failing) text.Append('#').Append(s.Id).Append(' ').Append(s.Name).Append(": ").AppendLine(s.LastError);
        return new CommandReply(text.ToString().TrimEnd());
    }

    private static CommandReply NoSuch(long id) => new($"There is no source #{id}; see {CommandMention.Of("sources")}.");

    private static string When(DateTime? t) =>
        t?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "never";
}
