using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Articles;

/// <summary>
/// The host names of the configured sources. With NewsBot:Sources:AllowPrivateAddresses on, an
/// operator trusts those hosts (an intranet feed's pages live next to it); links and redirects
/// inside feed items are a stranger's words and reach a private address only on one of these hosts.
/// Refreshed by the page job before each page fetch, read at every connect of it.
/// </summary>
public sealed class SourceHosts(IDbContextFactory<NewsBotDbContext> dbFactory)
{
    private volatile FrozenSet<string> _hosts = FrozenSet<string>.Empty;

    public bool Contains(string host) => _hosts.Contains(host);

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var urls = await db.Sources.AsNoTracking().Select(s => s.Url).ToListAsync(ct);
        _hosts = urls.Select(SourceAddress.Host).OfType<string>().ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
