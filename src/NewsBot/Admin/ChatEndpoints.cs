using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Filters;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using static NewsBot.Admin.SafeHtml;

namespace NewsBot.Admin;

/// <summary>/admin/chats: counts per platform, finding a chat, one chat's filters (removable) and last alerts.</summary>
internal static class ChatEndpoints
{
    private const int MaxMatches = 50;
    private const int LastAlerts = 20;

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/chats", OverviewAsync);
        pages.MapGet("/chats/{id:long}", DetailAsync);
        pages.MapPost("/chats/{id:long}/filters/{filterId:long}/delete", DeleteFilterAsync);
    }

    /// <summary>
    /// Removes one filter of a chat — the only way for chats nobody can type commands in, such as
    /// Discord webhooks — from the database and from this instance's index at once (other
    /// instances drop it at their next filter sync).
    /// </summary>
    private static async Task<IResult> DeleteFilterAsync(long id, long filterId, IFormCollection form, IDbContextFactory<NewsBotDbContext> dbs,
        ChatFilters filters, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var filter = await filters.RemoveByIdAsync(db, id, filterId, ct);
        if (filter is null) return Results.NotFound();
        return Results.Redirect($"/admin/chats/{id}?done=" + Uri.EscapeDataString($"Removed filter \"{filter.Text}\"."));
    }

    private static async Task<IResult> OverviewAsync(HttpContext ctx, IDbContextFactory<NewsBotDbContext> dbs, string? q, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var perPlatform = await db.Chats.GroupBy(c => c.Platform).Select(g => new
        {
            Platform = g.Key,
            Total = g.Count(),
            Active = g.Count(c => !c.Paused && c.DeactivatedReason == null),
            Paused = g.Count(c => c.Paused && c.DeactivatedReason == null),
            Deactivated = g.Count(c => c.DeactivatedReason != null),
            Filters = g.Sum(c => c.Filters.Count),
        }).OrderBy(x => x.Platform).ToListAsync(ct);
        var counts = perPlatform.Select(p => H($"""
            <tr><td>{p.Platform}</td><td>{p.Total}</td><td>{p.Active}</td><td>{p.Paused}</td><td>{p.Deactivated}</td><td>{p.Filters}</td><td>{(p.Total == 0 ? 0 : (double)p.Filters / p.Total):0.#}</td></tr>
            """));

        var results = Empty;
        var query = q?.Trim() ?? "";
        if (query.Length > 0)
        {
            var found = await db.Chats.AsNoTracking()
                // lower() on both sides: case-insensitive on SQLite and PostgreSQL alike. The expression becomes SQL,
                // so no .NET culture applies, and Contains(string, StringComparison) has no SQL translation.
#pragma warning disable CA1304, CA1311, CA1862
                .Where(c => c.ExternalId == query || (c.Title != null && c.Title.ToLower().Contains(query.ToLower())))
#pragma warning restore CA1304, CA1311, CA1862
                .OrderBy(c => c.Id).Take(MaxMatches)
                .Select(c => new { c.Id, c.Platform, c.ExternalId, c.Title, c.Paused, c.DeactivatedReason, Filters = c.Filters.Count })
                .ToListAsync(ct);
            results = found.Count == 0
                ? H($"""<p class="muted" id="chat-results">No chat has the id "{query}" or a title containing it.</p>""")
                : H($"""
                    <table id="chat-results"><thead><tr><th>Chat</th><th>Platform</th><th>Platform id</th><th>State</th><th>Filters</th></tr></thead><tbody>
                    {found.Select(c => H($"""<tr><td><a href="/admin/chats/{c.Id}">{c.Title ?? "(untitled)"}</a></td><td>{c.Platform}</td><td>{Shown(c.ExternalId)}</td><td>{State(c.Paused, c.DeactivatedReason)}</td><td>{c.Filters}</td></tr>"""))}
                    </tbody></table>
                    """);
        }
        return AdminLayout.Page(ctx, "Chats", H($"""
            <table id="chat-counts"><thead><tr><th>Platform</th><th>Chats</th><th>Active</th><th>Paused</th><th>Deactivated</th>
            <th>Filters</th><th>Filters per chat</th></tr></thead><tbody>{counts}</tbody></table>
            <h2>Find a chat</h2>
            <form method="get" action="/admin/chats"><label>Platform id or title
              <input type="search" name="q" value="{query}"></label> <button type="submit">Find</button></form>
            {results}
            """));
    }

    /// <summary>A webhook chat's id is its URL, whose token lets anyone post; show the id only.</summary>
    private static string Shown(string externalId) => NewsBot.Discord.Sending.WebhookUrl.MaskIfWebhook(externalId);

    private static string State(bool paused, string? deactivated) =>
        deactivated is not null ? $"deactivated: {deactivated}" : paused ? "paused" : "active";

    private static async Task<IResult> DetailAsync(HttpContext ctx, long id, IDbContextFactory<NewsBotDbContext> dbs, string? done, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var chat = await db.Chats.AsNoTracking().Include(c => c.Filters).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (chat is null) return Results.NotFound();
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ChatId == id).OrderByDescending(a => a.CreatedAt).Take(LastAlerts)
            .Select(a => new { a.CreatedAt, a.SentAt, a.Status, a.MatchedTerms, a.LastError, Title = a.Article!.Title, Source = a.Article.Source!.Name })
            .ToListAsync(ct);
        var filters = chat.Filters.Count == 0
            ? H($"""<p class="muted">No filters.</p>""")
            : H($"""<ul id="filters">{chat.Filters.OrderBy(f => f.Id).Select(f => H($"""
                <li><code>{f.Text}</code> <form class="inline" method="post" action="/admin/chats/{id}/filters/{f.Id}/delete">{AdminLayout.Token(ctx)}<button type="submit">Remove</button></form></li>
                """))}</ul>""");
        var alertRows = alerts.Select(a => H($"""
            <tr><td>{AdminLayout.When(a.CreatedAt)}</td><td>{a.Title}<br><span class="muted">{a.Source}</span></td>
            <td>{string.Join(", ", a.MatchedTerms.Split(Alert.TermSeparator))}</td>
            <td>{a.Status}{(a.LastError is null ? "" : ": " + a.LastError)}</td><td>{AdminLayout.When(a.SentAt)}</td></tr>
            """));
        return AdminLayout.Page(ctx, $"Chat: {chat.Title ?? Shown(chat.ExternalId)}", H($"""
            {AdminLayout.Message(done)}
            <p>{chat.Platform} chat <code>{Shown(chat.ExternalId)}</code>, {State(chat.Paused, chat.DeactivatedReason)}, since {AdminLayout.When(chat.CreatedAt)}.</p>
            <h2>Filters</h2>{filters}
            <h2>Last alerts</h2>
            <table id="alerts"><thead><tr><th>Created</th><th>Article</th><th>Matched</th><th>Status</th><th>Sent</th></tr></thead>
            <tbody>{alertRows}</tbody></table>
            """));
    }
}
