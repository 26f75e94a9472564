using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Enrich;

/// <summary>
/// The host names of the configured sources. With NewsBot:Sources:AllowPrivateAddresses on, an
/// operator trusts those hosts (an intranet feed's pages live next to it); links and redirects
/// inside feed items are a stranger's words and reach a private address only on one of these hosts.
/// Refreshed by the page job before a page fetch, read at every connect of it.
/// </summary>
public sealed class SourceHosts(IDbContextFactory<NewsBotDbContext> dbFactory, IOptions<SourcesOptions> options, TimeProvider time)
{
    /// <summary>A source added this long ago makes its host trusted for its pages; no page read reloads every source URL.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private volatile FrozenSet<string> _hosts = FrozenSet<string>.Empty;
    private long _loadedAt = NeverLoaded;
    private const long NeverLoaded = long.MinValue;

    public bool Contains(string host) => _hosts.Contains(host);

    /// <summary>A source was added, removed or moved: the next refresh reloads at once, so a removed host stops being trusted.</summary>
    public void MarkStale() => Interlocked.Exchange(ref _loadedAt, NeverLoaded);

    public async Task RefreshAsync(CancellationToken ct)
    {
        // Without private addresses allowed nobody asks (the page fetcher refuses them all).
        if (!options.Value.AllowPrivateAddresses) return;
        var loadedAt = Interlocked.Read(ref _loadedAt);
        if (loadedAt != NeverLoaded && time.GetElapsedTime(loadedAt) < Freshness) return;
        var started = time.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var urls = await db.Sources.AsNoTracking().Select(s => s.Url).ToListAsync(ct);
        _hosts = urls.Select(SourceAddress.Host).OfType<string>().ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Interlocked.Exchange(ref _loadedAt, started);
    }
}
