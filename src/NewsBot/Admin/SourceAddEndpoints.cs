using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Sources;
using NewsBot.Sources.Discovery;
using NewsBot.Storage;
using static NewsBot.Admin.SafeHtml;

namespace NewsBot.Admin;

/// <summary>
/// Adding a source in the admin console: a feed, a site or page whose feed is found, or a page
/// source. A test fetch shows what the source holds (and which feed was chosen); saving is a second,
/// deliberate step.
/// </summary>
internal static class SourceAddEndpoints
{
    public static SafeHtml AddForm(HttpContext ctx, SourceForm f, string? error) => H($"""
        {AdminLayout.Message(error, error is not null)}
        <form method="post" action="/admin/sources/preview"><fieldset>
          {AdminLayout.Token(ctx)}
          <label>Feed, site or page address <input type="text" inputmode="url" name="url" value="{f.Url}" required></label>
          <label><input type="radio" name="kind" value="feed"{Checked(!f.IsPage)}> Feed (a site or page address: NewsBot finds its feed)</label>
          <label><input type="radio" name="kind" value="page"{Checked(f.IsPage)}> Web page without a feed: its article links are the news</label>
          <label>Links: CSS selector of the article links, for a page (blank: NewsBot finds them)
            <input type="text" name="links" value="{f.Links}" maxlength="{SourceUrl.MaxLinkSelectorLength}"></label>
          <label>Name (blank: the feed's title) <input type="text" name="name" value="{f.Name}"></label>
          <label>Poll interval in minutes (blank: default) <input type="text" name="interval" value="{f.Interval}"></label>
          <button type="submit">Test fetch</button>
        </fieldset></form>
        """);

    private static SafeHtml Checked(bool on) => on ? new SafeHtml(" checked") : Empty;

    /// <summary>Fetches the source once and shows what it holds; saving is a second, deliberate step.</summary>
    public static async Task<IResult> PreviewAsync(HttpContext ctx, IFormCollection form, IDbContextFactory<NewsBotDbContext> dbs,
        SourceAdder adder, CancellationToken ct)
    {
        var f = SourceForm.From(form);
        var intervalError = f.IntervalError(out var interval);
        var error = f.UrlError(out _) ?? intervalError ?? f.LinksError();
        if (error is not null) return Refused(ctx, f, error, 400);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await adder.CheckAsync(db, f.Draft(interval), SourceOrigin.Remote, ct) switch
        {
            SourceAddResult.Readable ready => PreviewPage(ctx, f, ready),
            SourceAddResult.Duplicate { Existing: var existing, Discovered: { } found } =>
                Refused(ctx, f, $"NewsBot {DiscoveryWording.Choice(found)}; that feed is already a source: {existing.Name}.", 400),
            SourceAddResult.Duplicate { Existing: var existing } => Refused(ctx, f, $"That feed is already a source: {existing.Name}.", 400),
            SourceAddResult.Unreadable { Error: var why } => Refused(ctx, f, $"The test fetch failed: {why}", 422),
            SourceAddResult.NoFeed { Search: var none } => Refused(ctx, f,
                $"{DiscoveryWording.NoFeed(none)}. To follow the page itself, choose \"Web page without a feed\" and test again.", 422),
            var other => Refused(ctx, f, f.Describe((other as SourceAddResult.Invalid)!.Problem), 400),
        };
    }

    private static IResult Refused(HttpContext ctx, SourceForm f, string error, int status) =>
        AdminLayout.Page(ctx, "Add a source", AddForm(ctx, f, error), status: status);

    private static IResult PreviewPage(HttpContext ctx, SourceForm f, SourceAddResult.Readable ready)
    {
        var uri = new Uri(ready.Address);
        var ok = ready.Read;
        var items = ok.Feed.Items.Take(20).Select(i => H($"<li>{i.Title}</li>"));
        var found = f.IsPage
            ? H($"""<p class="notice" id="test-fetch">Test fetch found {ok.Feed.Items.Count} links on the page {ok.Feed.Title ?? uri.Host}.</p>""")
            : H($"""<p class="notice" id="test-fetch">Test fetch found {ok.Feed.Items.Count} items in {ok.Feed.Title ?? uri.Host}.</p>""");
        return AdminLayout.Page(ctx, "Add a source", H($"""
            {Discovered(ready.Discovered)}
            {found}
            <ol class="items">{items}</ol>
            <form method="post" action="/admin/sources/add"><fieldset>
              {AdminLayout.Token(ctx)}
              <input type="hidden" name="url" value="{uri}"><input type="hidden" name="interval" value="{f.Interval}">
              <input type="hidden" name="kind" value="{(f.IsPage ? "page" : "feed")}"><input type="hidden" name="links" value="{f.Links}">
              <label>Name <input type="text" name="name" value="{ready.Name}" required></label>
              <p class="muted">Items already there are recorded as seen; alerts start with the next new article.</p>
              <button type="submit">Save source</button> <a href="/admin/sources">Cancel</a>
            </fieldset></form>
            """));
    }

    /// <summary>The feed chosen on the page given, and the others found there, each with its address.</summary>
    private static SafeHtml Discovered(FeedDiscoveryResult.Found? found)
    {
        if (found is null) return Empty;
        var others = found.Others.Take(10).Select(o => H($"""<li>{o.Title ?? o.Url.Host} <span class="muted">{o.Url.AbsoluteUri}</span></li>"""));
        return H($"""
            <div id="discovery"><p>{found.Page.AbsoluteUri} is a page, not a feed. NewsBot {DiscoveryWording.Choice(found)}.</p>
            {(found.Others.Count == 0 ? Empty : H($"<p>Other feeds there:</p><ul class=\"other-feeds\">{others}</ul>"))}</div>
            """);
    }

    public static async Task<IResult> AddAsync(HttpContext ctx, IFormCollection form, IDbContextFactory<NewsBotDbContext> dbs,
        SourceAdder adder, CancellationToken ct)
    {
        var f = SourceForm.From(form);
        var intervalError = f.IntervalError(out var interval);
        var error = f.UrlError(out _) ?? intervalError ?? f.LinksError() ?? (f.Name.Length == 0 ? "Enter a name." : null);
        if (error is not null) return Refused(ctx, f, error, 400);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await adder.AddUnreadAsync(db, f.Draft(interval), SourceOrigin.Remote, ct) switch
        {
            SourceAddResult.Added { Source: var source } =>
                Results.Redirect("/admin/sources?done=" + Uri.EscapeDataString($"Added {source.Name}; its first fetch is under way.")),
            SourceAddResult.Invalid { Problem: var problem } => Refused(ctx, f, f.Describe(problem), 400),
            _ => Refused(ctx, f, f.IsPage ? "That page is already a source." : "That feed is already a source.", 400),
        };
    }
}
