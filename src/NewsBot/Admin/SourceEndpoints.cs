using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Sources;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using static NewsBot.Admin.SafeHtml;

namespace NewsBot.Admin;

/// <summary>/admin/sources: the list with health, add (after a test fetch, <see cref="SourceAddEndpoints"/>), edit, remove.</summary>
internal static class SourceEndpoints
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/sources", ListAsync);
        pages.MapPost("/sources/preview", SourceAddEndpoints.PreviewAsync);
        pages.MapPost("/sources/add", SourceAddEndpoints.AddAsync);
        pages.MapGet("/sources/{id:long}", EditFormAsync);
        pages.MapPost("/sources/{id:long}", SaveAsync);
        pages.MapPost("/sources/{id:long}/delete", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext ctx, IDbContextFactory<NewsBotDbContext> dbs, TimeProvider time,
        string? done, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - SourceHealth.Window;
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        var counts = await db.Articles.Where(a => a.FetchedAt >= since).GroupBy(a => a.SourceId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var push = await Pipeline.Push.PushHealth.OfSourcesAsync(db, ct);
        var rows = sources.Select(s =>
        {
            var h = SourceHealth.Of(s, counts.GetValueOrDefault(s.Id), now);
            return H($"""
                <tr data-source-id="{s.Id}"><td><a href="/admin/sources/{s.Id}">{s.Name}</a><br><span class="muted">{s.Url}</span>{PageKind(s)}</td>
                <td class="status-{h.Status}">{h.Status}</td><td>{AdminLayout.When(s.LastSuccessAt)}</td>
                <td>{s.LastError ?? ""}{Warning(s.LastWarning)}{Push(push.GetValueOrDefault(s.Id))}</td><td>{h.ItemsPerDay:0.#}</td><td>{(s.Paused ? "—" : AdminLayout.When(s.NextPollAt))}</td>
                <td>{h.Backoff ?? ""}</td></tr>
                """);
        });
        var table = sources.Count == 0
            ? H($"""<p class="muted">No sources yet.</p>""")
            : H($"""
                <table id="sources"><thead><tr><th>Source</th><th>Status</th><th>Last success</th><th>Last error / cut</th>
                <th>Items/day</th><th>Next poll</th><th>Backoff</th></tr></thead><tbody>{rows}</tbody></table>
                """);
        return AdminLayout.Page(ctx, "Sources", H($"""
            {AdminLayout.Message(done)}
            {table}
            <h2>Add a source</h2>
            {SourceAddEndpoints.AddForm(ctx, new SourceForm("", "", "", false), null)}
            """));
    }

    /// <summary>A page source says so, with the selector that picks its links.</summary>
    /// <summary>A page source's selector can be changed (detection picked the wrong list, or the site changed its markup).</summary>
    private static SafeHtml LinksField(SourceForm f) => !f.IsPage ? Empty : H($"""
        <input type="hidden" name="kind" value="page"><label>Links: CSS selector of the article links (blank: NewsBot finds them)
        <input type="text" name="links" value="{f.Links}" maxlength="{SourceUrl.MaxLinkSelectorLength}"></label>
        """);

    private static SafeHtml PageKind(Source s) => s.Kind != SourceKind.Page ? Empty
        : H($"""<br><span class="muted source-kind">page, links: {s.PageLinkSelector ?? "found by NewsBot"}</span>""");

    /// <summary>What the last good read had to cut (a capped field, items beyond the cap), shown next to the error.</summary>
    private static SafeHtml Push(string? push) =>
        push is null ? Empty : H($"""<br><span class="muted source-push">{push}</span>""");

    private static SafeHtml Warning(string? warning) =>
        warning is null ? Empty : H($"""<br><span class="muted source-warning">at the last read: {warning}</span>""");

    private static async Task<IResult> EditFormAsync(HttpContext ctx, long id, IDbContextFactory<NewsBotDbContext> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var s = await db.Sources.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null
            ? Results.NotFound()
            : EditPage(ctx, s.Id, new SourceForm(s.Url, s.Name, SourceForm.Show(s.PollInterval), s.Paused,
                s.Kind == SourceKind.Page ? "page" : "feed", s.PageLinkSelector ?? ""), null, s);
    }

    /// <summary>The source's health as its last poll left it: the error that stops it, or what its last good read cut.</summary>
    private static SafeHtml Health(Source? s) => s is null || (s.LastError is null && s.LastWarning is null) ? Empty : H($"""
        <p id="source-health">{(s.LastError is null ? Empty : H($"Last error: {s.LastError}"))}{Warning(s.LastWarning)}</p>
        """);

    private static IResult EditPage(HttpContext ctx, long id, SourceForm f, string? error, Source? source = null) =>
        AdminLayout.Page(ctx, $"Source: {f.Name}", H($"""
            {AdminLayout.Message(error, error is not null)}
            {Health(source)}
            {(source is null ? Empty : PageKind(source))}
            <form method="post" action="/admin/sources/{id}"><fieldset>
              {AdminLayout.Token(ctx)}
              <label>Name <input type="text" name="name" value="{f.Name}" required></label>
              <label>Feed URL <input type="url" name="url" value="{f.Url}" required></label>
              <label>Poll interval in minutes (blank: default) <input type="text" name="interval" value="{f.Interval}"></label>
              {LinksField(f)}
              <label><input type="checkbox" name="paused"{(f.Paused ? new SafeHtml(" checked") : Empty)}> Paused</label>
              <button type="submit">Save</button>
            </fieldset></form>
            <form method="post" action="/admin/sources/{id}/delete">{AdminLayout.Token(ctx)}
              <button type="submit">Remove this source and its articles</button></form>
            """), status: error is null ? 200 : 400);

    private static async Task<IResult> SaveAsync(HttpContext ctx, long id, IFormCollection form, IDbContextFactory<NewsBotDbContext> dbs,
        SourceEditor editor, CancellationToken ct)
    {
        var f = SourceForm.From(form);
        var intervalError = f.IntervalError(out var interval);
        var error = f.UrlError(out _) ?? intervalError ?? f.LinksError() ?? (f.Name.Length == 0 ? "Enter a name." : null);
        if (error is not null) return EditPage(ctx, id, f, error);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var saved = await editor.EditAsync(db, id, new SourceEdit(f.Url, f.Name, interval, f.Paused, f.Links.Length == 0 ? null : f.Links), ct);
        if (saved.Problem is { } problem) return EditPage(ctx, id, f, f.Describe(problem));
        if (saved.Source is not { } s) return Results.NotFound();
        if (saved.UrlTaken) return EditPage(ctx, id, f, "Another source already has that URL.");
        return Results.Redirect("/admin/sources?done=" + Uri.EscapeDataString($"Saved {s.Name}."));
    }

    private static async Task<IResult> DeleteAsync(long id, IFormCollection form, IDbContextFactory<NewsBotDbContext> dbs, SourceEditor editor,
        CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var s = await editor.RemoveAsync(db, id, ct);
        if (s is null) return Results.NotFound();
        return Results.Redirect("/admin/sources?done=" + Uri.EscapeDataString($"Removed {s.Name}."));
    }
}
