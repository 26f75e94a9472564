using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;
using static NewsBot.Admin.SafeHtml;

namespace NewsBot.Admin;

/// <summary>/admin/opml: upload an OPML file to add its feeds; download the sources as OPML.</summary>
internal static class OpmlEndpoints
{
    private const long MaxUploadBytes = 2 * 1024 * 1024;

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/opml", (HttpContext ctx) => AdminLayout.Page(ctx, "OPML", Forms(ctx, null)));
        pages.MapPost("/opml/import", ImportAsync);
        pages.MapGet("/opml/export", ExportAsync);
    }

    private static SafeHtml Forms(HttpContext ctx, string? error) => H($"""
        {AdminLayout.Message(error, error is not null)}
        <h2>Import</h2>
        <form method="post" action="/admin/opml/import" enctype="multipart/form-data"><fieldset>
          {AdminLayout.Token(ctx)}
          <label>OPML file <input type="file" name="file" accept=".opml,.xml,text/xml,text/x-opml" required></label>
          <p class="muted">Each feed is test-fetched; feeds already present are skipped.</p>
          <button type="submit">Import</button>
        </fieldset></form>
        <h2>Export</h2>
        <p><a href="/admin/opml/export" download>Download all sources as OPML 2.0</a></p>
        """);

    private static async Task<IResult> ImportAsync(HttpContext ctx, IFormFile? file, OpmlImporter importer, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return AdminLayout.Page(ctx, "OPML", Forms(ctx, "Choose an OPML file to import."), status: 400);
        if (file.Length > MaxUploadBytes)
            return AdminLayout.Page(ctx, "OPML", Forms(ctx, $"The file is {file.Length / 1024} KB; at most {MaxUploadBytes / 1024} KB is accepted."), status: 400);
        OpmlImporter.Summary summary;
        try
        {
            await using var stream = file.OpenReadStream();
            summary = await importer.ImportAsync(stream, ct);
        }
        catch (FormatException e)
        {
            return AdminLayout.Page(ctx, "OPML", Forms(ctx, $"Could not import {file.FileName}: {e.Message}."), status: 400);
        }
        return AdminLayout.Page(ctx, "OPML import", H($"""
            <p class="notice" id="import-summary">Added {summary.Added.Count}, skipped {summary.Skipped.Count} (duplicates), failed {summary.Failed.Count}.</p>
            {Section("Added", "added", summary.Added)}
            {Section("Skipped", "skipped", summary.Skipped)}
            {Section("Failed", "failed", summary.Failed)}
            <p><a href="/admin/sources">Back to sources</a></p>
            """));
    }

    private static SafeHtml Section(string heading, string id, IReadOnlyList<OpmlImporter.Entry> entries) =>
        entries.Count == 0 ? Empty : H($"""
            <h2>{heading}</h2>
            <table id="{id}"><thead><tr><th>Title</th><th>URL</th><th>Note</th></tr></thead><tbody>
            {entries.Select(e => H($"<tr><td>{e.Title}</td><td>{e.Url}</td><td>{e.Reason ?? ""}</td></tr>"))}
            </tbody></table>
            """);

    private static async Task<IResult> ExportAsync(IDbContextFactory<NewsBotDbContext> dbs, TimeProvider time, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var doc = OpmlExport.Build(sources, time.GetUtcNow());
        var bytes = Encoding.UTF8.GetBytes(doc.Declaration + "\n" + doc);
        return Results.File(bytes, "text/x-opml; charset=utf-8", "newsbot-sources.opml");
    }
}
