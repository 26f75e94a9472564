using System.Text;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Pages.Links;
using NewsBot.Sources.Parsing;
using NewsBot.Sources.Parsing.Xml;
using NewsBot.Sources.Reading;

namespace NewsBot.Sources.Discovery;

/// <summary>
/// Finds the feeds of a web page that is not a feed, as people name sites ("almayadeen.net"): the
/// feeds the page declares (<see cref="FeedLinks"/>), else the <see cref="CommonFeedPaths"/> of its
/// site. Every candidate is test-read through <see cref="SourceFeedReader"/> (the guarded fetcher,
/// its timeout and body cap), a few at a time, at most <see cref="MaxCandidates"/> per page, so a
/// page listing a hundred feeds costs no more than one listing ten.
/// </summary>
public sealed class FeedDiscovery(FeedFetcher fetcher, SourceFeedReader reader, TimeProvider time)
{
    /// <summary>Feed addresses read for one page, declared and common paths together.</summary>
    public const int MaxCandidates = 10;

    /// <summary>Reads in flight at once; the fetcher's per-host limit applies on top.</summary>
    public const int Parallelism = 3;

    /// <summary>Finding the link tags in a page already cut by <c>PageHtmlBounds</c> takes milliseconds; this bounds the rest.</summary>
    public static readonly TimeSpan ScanBudget = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The whole search, page and candidates together: each read has the fetcher's own timeout, but a
    /// site answering every request just before it would otherwise hold an admin's command for minutes.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);

    public async Task<FeedDiscoveryResult> DiscoverAsync(Uri page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var deadline = new CancellationTokenSource(MaxDuration, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            return await SearchAsync(page, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new FeedDiscoveryResult.PageUnreadable(page, $"looking for its feeds took longer than {MaxDuration.TotalSeconds:0} s");
        }
    }

    private async Task<FeedDiscoveryResult> SearchAsync(Uri page, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(new FetchRequest(page), ct).ConfigureAwait(false);
        if (fetched is FetchResult.Failed failed) return new FeedDiscoveryResult.PageUnreadable(page, failed.Error);
        if (fetched is not FetchResult.Fetched body) return new FeedDiscoveryResult.PageUnreadable(page, "the page sent no content");
        if (!IsHtml(body)) return new FeedDiscoveryResult.NotAPage(body.FinalUrl);

        var scan = await CpuBudget.RunAsync(token => FeedLinks.Find(body.Body, body.FinalUrl, body.Charset, token), ScanBudget, time, ct)
            .ConfigureAwait(false);
        var declared = scan.InTime ? scan.Value! : [];
        var declaredReads = await ReadAllAsync(declared.Select(l => l.Url).ToList(), ct).ConfigureAwait(false);
        var found = declared.Zip(declaredReads)
            .Where(x => x.Second is FeedRead.Read)
            .Select(x => new FoundFeed(x.First.Url, x.First.Title ?? FeedTitle(x.Second), (FeedRead.Read)x.Second))
            .ToList();
        if (found.FirstOrDefault(f => !new FeedLink(f.Url, f.Title).IsComments) is { } main)
            return Result(body.FinalUrl, main, found);

        var tried = new HashSet<string>(declared.Select(l => l.Url.AbsoluteUri), StringComparer.Ordinal);
        var paths = CommonFeedPaths.On(body.FinalUrl).Where(u => !tried.Contains(u.AbsoluteUri)).Take(MaxCandidates - declared.Count).ToList();
        // In waves, most common paths first: a site with /feed costs one wave, not eight requests.
        foreach (var wave in paths.Chunk(Parallelism))
        {
            var reads = await ReadAllAsync(wave, ct).ConfigureAwait(false);
            var inWave = wave.Zip(reads).Where(x => x.Second is FeedRead.Read)
                .Select(x => new FoundFeed(x.First, FeedTitle(x.Second), (FeedRead.Read)x.Second)).ToList();
            if (inWave.Count > 0) return Result(body.FinalUrl, inWave[0], [.. inWave, .. found]);
        }
        // Only a comment feed reads: better the site's comments than nothing, and the reply says which feed it is.
        if (found.Count > 0) return Result(body.FinalUrl, found[0], found);
        return new FeedDiscoveryResult.NoFeed(body.FinalUrl, declared.Count, declared.Count + paths.Count)
        {
            ArticleLinks = await PageArticleLinksAsync(body, ct).ConfigureAwait(false),
        };
    }

    /// <summary>The page read as a page source would read it, under the scan's budget; none when it has no list of article links.</summary>
    private async Task<IReadOnlyList<FeedItem>> PageArticleLinksAsync(FetchResult.Fetched page, CancellationToken ct)
    {
        var read = await CpuBudget.RunAsync<IReadOnlyList<FeedItem>>(token =>
        {
            try
            {
                return PageLinkList.Parse(page.Body, page.FinalUrl, page.Charset, null, token).Items;
            }
            catch (FeedFormatException)
            {
                return [];
            }
        }, ScanBudget, time, ct).ConfigureAwait(false);
        return read.InTime ? read.Value! : [];
    }

    /// <summary>The chosen feed and the others, one per feed: two addresses serving the same bytes are one feed.</summary>
    private static FeedDiscoveryResult.Found Result(Uri page, FoundFeed main, IEnumerable<FoundFeed> all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { main.Read.ContentHash ?? main.Url.AbsoluteUri };
        var others = all.Where(f => f != main && seen.Add(f.Read.ContentHash ?? f.Url.AbsoluteUri)).ToList();
        return new FeedDiscoveryResult.Found(page, main, others);
    }

    private async Task<FeedRead[]> ReadAllAsync(IReadOnlyList<Uri> urls, CancellationToken ct)
    {
        var reads = new FeedRead[urls.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, urls.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => reads[i] = await reader.ReadAsync(new SourceReadRequest(urls[i].AbsoluteUri), token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return reads;
    }

    private static string? FeedTitle(FeedRead read) =>
        read is FeedRead.Read { Feed.Title: { Length: > 0 } title }
            ? title.Length <= FeedLinks.MaxTitleLength ? title : title[..(FeedLinks.MaxTitleLength - 1)] + "…"
            : null;

    /// <summary>Declared HTML, or HTML sent under another type (servers send text/plain or nothing at all).</summary>
    private static bool IsHtml(FetchResult.Fetched body)
    {
        if (body.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true) return true;
        var start = Encoding.UTF8.GetString(body.Body, 0, Math.Min(body.Body.Length, 1024));
        return HtmlSniffer.LooksLikeHtml(start.AsSpan().TrimStart("\uFEFF \t\r\n\0"));
    }
}
