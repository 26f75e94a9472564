using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsBot.Pipeline.Match;
using NewsBot.Storage;

namespace NewsBot.Scaling;

/// <summary>
/// Each instance matches articles against its own in-memory filter index, and a /add or /remove
/// only updates the index of the instance that ran the command. With several instances on
/// PostgreSQL this brings the others up to date every <see cref="LeadershipOptions.FilterSyncInterval"/>:
/// without it an article polled by another instance would miss a new filter until a restart.
/// A round reads only what changed (<see cref="FilterChanges"/> says how), not every filter id.
/// </summary>
public sealed partial class FilterIndexSync(
    IDbContextFactory<NewsBotDbContext> dbFactory,
    FilterIndexHolder filters,
    Topology topology,
    IOptions<LeadershipOptions> options,
    TimeProvider time,
    ILogger<FilterIndexSync> log) : BackgroundService
{
    private readonly FilterChanges _changes = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!topology.SeveralInstances) return;
        using var timer = new PeriodicTimer(options.Value.FilterSyncInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SyncAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stopping
        }
    }

    /// <summary>Adds filters stored since the last round (by any instance) and drops the ones deleted since.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (added, removed) = await _changes.ReadAsync(db, ct);
        foreach (var chunk in added.Chunk(1000))
        {
            var rows = await db.Filters.AsNoTracking().Where(f => chunk.Contains(f.Id))
                .Select(f => new { f.Id, f.ChatId, f.Text, f.OwnerUserId, f.OwnerName, f.PersonalChatId }).ToListAsync(ct);
            foreach (var row in rows) // replaces an entry with the same id
                filters.Add(row.Id, row.ChatId, row.Text, row.OwnerUserId is null ? null : new PersonalRoute(row.ChatId, row.OwnerUserId, row.OwnerName, row.PersonalChatId));
        }
        foreach (var id in removed) filters.Remove(id);
        _changes.Commit(added, removed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filter index sync failed: {Cause}; trying again next round")]
    private partial void LogFailed(string cause);
}
