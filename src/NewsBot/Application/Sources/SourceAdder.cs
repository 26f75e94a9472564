using Microsoft.EntityFrameworkCore;
using NewsBot.Pipeline.Enrich;
using NewsBot.Sources.Discovery;
using NewsBot.Sources.Reading;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Application.Sources;

/// <summary>
/// Adds sources for chat commands, the CLI, the admin console, OPML import and seeding, so the
/// rules live once: accepted addresses (<see cref="SourceUrl"/>), one source per address, a test
/// fetch before storing, a web page given for a feed answered with the feed found on it
/// (<see cref="FeedDiscovery"/>), the name when none is given (<see cref="SourceNames"/>), the poll
/// interval floor, and the clock. Steps are public for callers that split them (preview, bulk import).
/// </summary>
public sealed class SourceAdder(SourceFeedReader reader, FeedDiscovery discovery, SourceHosts hosts, TimeProvider time)
{
    /// <summary>Checks, test-fetches and stores: the way a source is added by hand.</summary>
    public async Task<SourceAddResult> AddAsync(NewsBotDbContext db, SourceDraft draft, SourceOrigin origin, CancellationToken ct) =>
        await CheckAsync(db, draft, origin, ct) switch
        {
            SourceAddResult.Readable ready => await SaveAsync(db, ready, ct),
            var refused => refused,
        };

    /// <summary>
    /// Checks and test-fetches without storing. A feed address that turns out to be a web page is
    /// looked through for its feeds; the feed chosen is then the one checked, read and named.
    /// </summary>
    public async Task<SourceAddResult> CheckAsync(NewsBotDbContext db, SourceDraft draft, SourceOrigin origin, CancellationToken ct)
    {
        var (ok, refused) = await ValidateAsync(db, draft, origin, ct);
        if (refused is not null) return refused;
        var read = await reader.ReadAsync(ok!.Draft.ReadRequest(ok.Address), ct);
        if (read is FeedRead.Unreadable { ParseError: true } && ok.Draft.Kind == SourceKind.Feed && IsWeb(ok.Address))
            return await DiscoverAsync(db, ok, read, ct);
        return Outcome(ok, read);
    }

    /// <summary>The checks that need no fetch: address, interval, selector, duplicate. Either a checked source or the refusal.</summary>
    public async Task<(CheckedSource? Ok, SourceAddResult? Refused)> ValidateAsync(NewsBotDbContext db, SourceDraft draft, SourceOrigin origin,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft = draft with { PageLinkSelector = string.IsNullOrWhiteSpace(draft.PageLinkSelector) ? null : draft.PageLinkSelector.Trim() };
        if (SourceUrl.Check(draft.Url, origin, out var address) is { } problem) return (null, new SourceAddResult.Invalid(problem));
        if (draft.PollInterval < SourceUrl.MinPollInterval) return (null, new SourceAddResult.Invalid(SourceProblem.IntervalTooShort));
        if (draft.PageLinkSelector?.Length > SourceUrl.MaxLinkSelectorLength)
            return (null, new SourceAddResult.Invalid(SourceProblem.SelectorTooLong));
        if (await FindAsync(db, draft.Url, address, ct) is { } existing) return (null, new SourceAddResult.Duplicate(existing));
        return (new CheckedSource(draft, address), null);
    }

    /// <summary>The test fetch: a dead address is reported now instead of becoming a source that fails forever.</summary>
    public async Task<SourceAddResult> ReadAsync(CheckedSource source, CancellationToken ct) =>
        Outcome(source, await reader.ReadAsync(source.Draft.ReadRequest(source.Address), ct));

    private static SourceAddResult Outcome(CheckedSource source, FeedRead read) => read switch
    {
        FeedRead.Read ok => new SourceAddResult.Readable(source.Draft, source.Address,
            SourceNames.Choose(source.Draft.Name, ok.Feed.Title, source.Address), ok),
        FeedRead.Unreadable bad => new SourceAddResult.Unreadable(bad.Error),
        _ => new SourceAddResult.Unreadable("the feed sent no content"),
    };

    /// <summary>
    /// The address is a page, not a feed: its main feed becomes the source (unless a source has it
    /// already). When the address is no HTML page after all, the first read's error stands.
    /// </summary>
    private async Task<SourceAddResult> DiscoverAsync(NewsBotDbContext db, CheckedSource page, FeedRead notAFeed, CancellationToken ct)
    {
        switch (await discovery.DiscoverAsync(new Uri(page.Address), ct))
        {
            case FeedDiscoveryResult.Found found:
                var feed = found.Main.Url.AbsoluteUri;
                if (await FindAsync(db, feed, feed, ct) is { } existing) return new SourceAddResult.Duplicate(existing) { Discovered = found };
                var draft = page.Draft with { Url = feed };
                return new SourceAddResult.Readable(draft, feed, SourceNames.Choose(draft.Name, found.Main.Read.Feed.Title, feed), found.Main.Read)
                {
                    Discovered = found,
                };
            case FeedDiscoveryResult.NoFeed none:
                return new SourceAddResult.NoFeed(none);
            case FeedDiscoveryResult.PageUnreadable failed:
                return new SourceAddResult.Unreadable($"it is a web page, not a feed, and looking for its feed failed: {failed.Error}");
            default:
                return Outcome(page, notAFeed);
        }
    }

    private static bool IsWeb(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Stores a source that passed <see cref="CheckAsync"/>.</summary>
    public async Task<SourceAddResult> SaveAsync(NewsBotDbContext db, SourceAddResult.Readable ready, CancellationToken ct) =>
        await StoreAsync(db, ready.Draft with { Name = ready.Name }, ready.Address, ready.Read, ct) switch
        {
            SourceAddResult.Added added => added with { Discovered = ready.Discovered },
            var other => other,
        };

    /// <summary>
    /// Checks and stores without a test fetch: for seeding (the service may start before the network
    /// is up) and for the admin console's save step, whose preview just read the feed.
    /// </summary>
    public async Task<SourceAddResult> AddUnreadAsync(NewsBotDbContext db, SourceDraft draft, SourceOrigin origin, CancellationToken ct)
    {
        var (ok, refused) = await ValidateAsync(db, draft, origin, ct);
        return refused ?? await StoreAsync(db, ok!.Draft, ok.Address, null, ct);
    }

    private async Task<SourceAddResult> StoreAsync(NewsBotDbContext db, SourceDraft draft, string address, FeedRead.Read? read, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var source = new Source
        {
            Name = SourceNames.Choose(draft.Name, null, address),
            Url = address,
            PollInterval = draft.PollInterval,
            Kind = draft.Kind,
            PageLinkSelector = draft.Kind == SourceKind.Page ? draft.PageLinkSelector : null,
            AlertOnFirstFetch = draft.AlertOnFirstFetch,
            NextPollAt = now, // the first poll records what the feed holds now
            CreatedAt = now,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync(ct);
        hosts.MarkStale();
        return new SourceAddResult.Added(source, read);
    }

    /// <summary>
    /// The source with this address, as stored or as typed: older rows (seeded, or added by the CLI)
    /// hold the address as written, newer ones as <see cref="SourceUrl"/> spells it.
    /// </summary>
    private static async Task<Source?> FindAsync(NewsBotDbContext db, string typed, string address, CancellationToken ct)
    {
        var raw = typed.Trim();
        return db.Sources.Local.FirstOrDefault(s => s.Url == address || s.Url == raw)
               ?? await db.Sources.FirstOrDefaultAsync(s => s.Url == address || s.Url == raw, ct);
    }
}
