using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using static NewsBot.Admin.SafeHtml;

namespace NewsBot.Admin;

/// <summary>/admin/activity: alerts sent and articles fetched per hour over a week, and the failing sources.</summary>
internal static class ActivityEndpoints
{
    private const int Hours = 7 * 24;

    public static void Map(RouteGroupBuilder pages) => pages.MapGet("/activity", RenderAsync);

    private static async Task<IResult> RenderAsync(HttpContext ctx, IDbContextFactory<NewsBotDbContext> dbs, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(1 - Hours);
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Only timestamps leave the database; bucketing by hour in memory works the same on SQLite and PostgreSQL.
        var sent = await db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Sent && a.SentAt >= start)
            .Select(a => new { a.Chat!.Platform, SentAt = a.SentAt!.Value }).ToListAsync(ct);
        var fetched = await db.Articles.AsNoTracking().Where(a => a.FetchedAt >= start).Select(a => a.FetchedAt).ToListAsync(ct);
        var platforms = await db.Chats.Select(c => c.Platform).Distinct().OrderBy(p => p).ToListAsync(ct);
        var failing = await db.Sources.AsNoTracking().Where(s => s.LastError != null || s.ConsecutiveFailures > 0)
            .OrderByDescending(s => s.ConsecutiveFailures).ThenBy(s => s.Name).ToListAsync(ct);

        var alertCharts = platforms.Union(sent.Select(s => s.Platform)).Order(StringComparer.Ordinal).Select(p =>
            HourlyBarChart.Render($"chart-alerts-{p}", $"Alerts sent per hour to {p}", Buckets(sent.Where(s => s.Platform == p).Select(s => s.SentAt), start), start));
        var failingRows = failing.Select(s => H($"""
            <tr><td><a href="/admin/sources/{s.Id}">{s.Name}</a></td><td>{s.ConsecutiveFailures}</td><td>{s.LastError ?? ""}</td>
            <td>{AdminLayout.When(s.LastSuccessAt)}</td><td>{AdminLayout.When(s.NextPollAt)}</td></tr>
            """));
        return AdminLayout.Page(ctx, "Activity", H($"""
            <p class="muted">Last 7 days, per hour (UTC).</p>
            {HourlyBarChart.Render("chart-articles", "Articles fetched per hour", Buckets(fetched, start), start)}
            {(platforms.Count == 0 && sent.Count == 0 ? H($"""<p class="muted">No chats yet, so no alerts to chart.</p>""") : SafeHtml.Join(alertCharts))}
            <h2>Failing sources</h2>
            {(failing.Count == 0 ? H($"""<p class="muted" id="failing">No source is failing.</p>""") : H($"""
                <table id="failing"><thead><tr><th>Source</th><th>Failures in a row</th><th>Last error</th><th>Last success</th><th>Next try</th></tr></thead>
                <tbody>{failingRows}</tbody></table>
                """))}
            """));
    }

    private static int[] Buckets(IEnumerable<DateTime> times, DateTime start)
    {
        var counts = new int[Hours];
        foreach (var t in times)
        {
            var i = (int)Math.Floor((t - start).TotalHours);
            if (i is >= 0 and < Hours) counts[i]++;
        }
        return counts;
    }
}
