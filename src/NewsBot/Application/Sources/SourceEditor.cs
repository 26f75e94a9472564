using Microsoft.EntityFrameworkCore;
using NewsBot.Pipeline.Enrich;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Sources;

/// <summary>What can be changed about a stored source in the admin console's edit form.</summary>
/// <param name="PageLinkSelector">For a page source: the CSS selector of its article links, null for NewsBot's detection; ignored for a feed.</param>
public sealed record SourceEdit(string Url, string Name, TimeSpan? PollInterval, bool Paused, string? PageLinkSelector = null);

/// <summary>What became of an edit; null <see cref="Problem"/> and false <see cref="UrlTaken"/> mean saved.</summary>
public sealed record SourceEditResult(Source? Source, SourceProblem? Problem = null, bool UrlTaken = false);

/// <summary>
/// Removes, pauses, resumes and edits sources for chat commands, the CLI and the admin console,
/// so what goes with a source and when it is polled next are decided once.
/// </summary>
public sealed class SourceEditor(SourceHosts hosts, TimeProvider time)
{
    /// <summary>
    /// Removes the source; its articles, their alerts and its notices go with it (cascading keys),
    /// and its host stops counting as a source host. Null when there is no such source.
    /// </summary>
    public async Task<Source?> RemoveAsync(NewsBotDbContext db, long id, CancellationToken ct)
    {
        var source = await db.Sources.FindAsync([id], ct);
        if (source is null) return null;
        db.Sources.Remove(source);
        await db.SaveChangesAsync(ct);
        hosts.MarkStale();
        return source;
    }

    /// <summary>Pauses or resumes; a resumed source is polled at once. Null when there is no such source.</summary>
    public async Task<Source?> SetPausedAsync(NewsBotDbContext db, long id, bool paused, CancellationToken ct)
    {
        var source = await db.Sources.FindAsync([id], ct);
        if (source is null) return null;
        source.Paused = paused;
        if (!paused) source.NextPollAt = Now;
        await db.SaveChangesAsync(ct);
        return source;
    }

    /// <summary>
    /// Saves an edit. A new address or a page source's new link selector drops the validators (ETag,
    /// Last-Modified); either, a new interval or a resume makes the source due now, so the new settings
    /// show at once. A new selector's list, when it is all new (five or more links), is recorded as seen like any replaced list.
    /// </summary>
    public async Task<SourceEditResult> EditAsync(NewsBotDbContext db, long id, SourceEdit edit, CancellationToken ct)
    {
        if (SourceUrl.Check(edit.Url, SourceOrigin.Remote, out var url) is { } problem) return new SourceEditResult(null, problem);
        if (edit.PollInterval < SourceUrl.MinPollInterval) return new SourceEditResult(null, SourceProblem.IntervalTooShort);
        if (edit.PageLinkSelector?.Length > SourceUrl.MaxLinkSelectorLength) return new SourceEditResult(null, SourceProblem.SelectorTooLong);
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return new SourceEditResult(null);
        var moved = url != source.Url;
        if (moved)
        {
            if (await db.Sources.AnyAsync(s => s.Url == url && s.Id != id, ct)) return new SourceEditResult(source, UrlTaken: true);
            (source.Url, source.ETag, source.LastModified) = (url, null, null);
        }
        var relinked = source.Kind == SourceKind.Page && edit.PageLinkSelector != source.PageLinkSelector;
        if (relinked)
        {
            // Another selector reads the same page differently: a 304 must not keep the old reading.
            (source.PageLinkSelector, source.ETag, source.LastModified) = (edit.PageLinkSelector, null, null);
        }
        if ((source.Paused && !edit.Paused) || moved || relinked || edit.PollInterval != source.PollInterval) source.NextPollAt = Now;
        (source.Name, source.PollInterval, source.Paused) = (edit.Name, edit.PollInterval, edit.Paused);
        await db.SaveChangesAsync(ct);
        if (moved) hosts.MarkStale();
        return new SourceEditResult(source);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
