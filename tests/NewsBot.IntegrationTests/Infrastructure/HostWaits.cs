using Microsoft.EntityFrameworkCore;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>The points in a host's life that tests wait for before they change the world or assert on it.</summary>
public static class HostWaits
{
    /// <summary>
    /// Waits until <paramref name="sources"/> sources have had their first fetch recorded: their
    /// backlog is stored as seen, so an article added after this is news.
    /// </summary>
    public static Task WaitForFirstFetchAsync(this TestHost host, TimeSpan timeout, int sources = 1) =>
        Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Sources.CountAsync(s => s.FirstFetchDone) >= sources;
        }, timeout, sources == 1 ? "the backlog is recorded" : $"the backlogs of {sources} sources are recorded");

    /// <summary>Waits until two more polls ran and no alert is waiting, so "nothing more was sent" means something.</summary>
    public static async Task WaitUntilQuietAsync(this TestHost host, NewsSite site, TimeSpan timeout)
    {
        await site.WaitForPollsAsync(2, timeout);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return !await db.Alerts.AnyAsync(a => a.Status == AlertStatus.Pending && a.Chat!.DeactivatedReason == null);
        }, timeout, "no alert is waiting");
    }
}
