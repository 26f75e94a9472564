using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.Application.Sources;
using NewsBot.Startup;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Cli;

/// <summary>`sources list|add|remove`: manage sources in the configured database.</summary>
public static class SourcesCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List sources with their health");
        list.SetAction((_, ct) => WithDatabaseAsync((app, db) => ListAsync(db, ct), ct));

        var url = new Argument<string>("url") { Description = "Feed URL, file path, or a site or page address (its feed is found)" };
        var name = new Option<string?>("--name") { Description = "Display name (default: the feed's title)" };
        var interval = new Option<TimeSpan?>("--interval") { Description = "Poll interval, e.g. 00:10:00 (default: NewsBot:Sources:DefaultPollInterval)" };
        var page = new Option<bool>("--page") { Description = "A web page without a feed: its article links are the items" };
        var links = new Option<string?>("--links") { Description = "With --page: CSS selector of the article links, e.g. \"h2 a\" (default: NewsBot finds them)" };
        var add = new Command("add", "Add a source after reading it once") { url, name, interval, page, links };
        add.SetAction((r, ct) => WithDatabaseAsync((app, db) => AddAsync(app.Services.GetRequiredService<SourceAdder>(), db,
            new SourceDraft(r.GetValue(url)!, r.GetValue(name), r.GetValue(interval),
                Kind: r.GetValue(page) || r.GetValue(links) is not null ? SourceKind.Page : SourceKind.Feed, PageLinkSelector: r.GetValue(links)),
            System.Console.Out, System.Console.Error, ct), ct));

        var id = new Argument<long>("id") { Description = "Source id from `sources list`" };
        var remove = new Command("remove", "Remove a source and its stored articles") { id };
        remove.SetAction((r, ct) => WithDatabaseAsync((app, db) => RemoveAsync(app, db, r.GetValue(id), ct), ct));

        return new Command("sources", "Manage the sources NewsBot polls") { list, add, remove };
    }

    private static async Task<int> WithDatabaseAsync(Func<WebApplication, NewsBotDbContext, Task<int>> action, CancellationToken ct)
    {
        await using var app = NewsBotHost.Build([]);
        var factory = app.Services.GetRequiredService<NewsBotDbContextFactory>();
        await factory.MigrateAsync(ct);
        await using var db = factory.CreateDbContext();
        return await action(app, db);
    }

    private static async Task<int> ListAsync(NewsBotDbContext db, CancellationToken ct)
    {
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        if (sources.Count == 0) System.Console.WriteLine("No sources.");
        var push = await Pipeline.Push.PushHealth.OfSourcesAsync(db, ct);
        foreach (var s in sources)
        {
            var state = s.Paused ? "paused" : s.LastError is null ? "ok" : $"failing ({s.ConsecutiveFailures}×): {s.LastError}";
            System.Console.WriteLine($"{s.Id,4}  {s.Name}  {s.Url}");
            if (s.Kind == SourceKind.Page) System.Console.WriteLine($"      page, links: {s.PageLinkSelector ?? "found by NewsBot"}");
            System.Console.WriteLine($"      {state}; last success {Time(s.LastSuccessAt)}; next poll {Time(s.NextPollAt)}; {s.LastItemCount} items");
            if (s.LastWarning is not null) System.Console.WriteLine($"      at the last read: {s.LastWarning}");
            if (push.TryGetValue(s.Id, out var pushed)) System.Console.WriteLine($"      {pushed}");
        }
        return 0;
    }

    /// <summary>`sources add`: the exit code, the outcome on <paramref name="output"/>, a refusal on <paramref name="error"/>.</summary>
    public static async Task<int> AddAsync(SourceAdder adder, NewsBotDbContext db, SourceDraft draft, TextWriter output, TextWriter error,
        CancellationToken ct)
    {
        var url = draft.Url;
        switch (await adder.AddAsync(db, draft, SourceOrigin.Operator, ct))
        {
            case SourceAddResult.Invalid { Problem: SourceProblem.IntervalTooShort }:
                await error.WriteLineAsync("--interval must be at least 00:00:01");
                return 2;
            case SourceAddResult.Invalid { Problem: SourceProblem.TooLong }:
                await error.WriteLineAsync($"the address is longer than {SourceUrl.MaxLength} characters; not added");
                return 1;
            case SourceAddResult.Invalid { Problem: SourceProblem.SelectorTooLong }:
                await error.WriteLineAsync($"--links is longer than {SourceUrl.MaxLinkSelectorLength} characters; not added");
                return 2;
            case SourceAddResult.Invalid:
                await error.WriteLineAsync($"feed '{url}': not an http(s) URL, a site name or a file path; not added");
                return 1;
            case SourceAddResult.Duplicate { Existing: var existing, Discovered: { } found }:
                await error.WriteLineAsync($"{url}: {DiscoveryWording.Choice(found)}; that feed is already source {existing.Id} '{existing.Name}'");
                return 1;
            case SourceAddResult.Duplicate:
                await error.WriteLineAsync($"a source with URL {url} already exists");
                return 1;
            case SourceAddResult.Unreadable { Error: var why }:
                await error.WriteLineAsync($"feed '{url}': {why}; not added");
                return 1;
            case SourceAddResult.NoFeed { Search: var none }:
                await error.WriteLineAsync($"{DiscoveryWording.NoFeed(none)}; not added. To follow the page itself, its article links as the items: " +
                                           $"sources add {url} --page [--links \"<css selector>\"]");
                return 1;
            case SourceAddResult.Added { Source: { Kind: SourceKind.Page } source, Read: { } ok }:
                await output.WriteLineAsync($"Added page source {source.Id} '{source.Name}': {DiscoveryWording.PageLinks(ok)} (recorded as seen at the first poll, not alerted)");
                return 0;
            case SourceAddResult.Added { Source: var source, Read: { } ok } added:
                if (added.Discovered is { } discovered) await output.WriteLineAsync($"{url}: {DiscoveryWording.Choice(discovered)}");
                await output.WriteLineAsync($"Added source {source.Id} '{source.Name}': {ok.Feed.Format}, {ok.Feed.Items.Count} items (recorded as seen at the first poll, not alerted)");
                return 0;
            case var other:
                throw new InvalidOperationException($"source '{url}': unexpected add result {other.GetType().Name}");
        }
    }

    private static async Task<int> RemoveAsync(WebApplication app, NewsBotDbContext db, long id, CancellationToken ct)
    {
        if (await app.Services.GetRequiredService<SourceEditor>().RemoveAsync(db, id, ct) is null)
        {
            await System.Console.Error.WriteLineAsync($"no source with id {id}");
            return 1;
        }
        System.Console.WriteLine($"Removed source {id}.");
        return 0;
    }

    private static string Time(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "never";
}
