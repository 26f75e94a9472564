using Microsoft.EntityFrameworkCore;
using NewsBot.Storage;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// Keeps a running poll's claim on its source (<c>PollClaimedUntil</c>) from running out while the
/// poll legitimately works (a slow fetch waiting for its host's turn, then a long parse), so the
/// scheduler never hands the same feed to a twin job. Renews every quarter of
/// <see cref="SourceScheduler.RunningLease"/>; a poll that died stops renewing and its claim lapses.
/// </summary>
internal sealed partial class PollClaimRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private PollClaimRenewal(IDbContextFactory<NewsBotDbContext> dbFactory, long sourceId, TimeProvider time, ILogger log) =>
        _loop = RenewAsync(dbFactory, sourceId, time, log, _stop.Token);

    public static PollClaimRenewal Start(IDbContextFactory<NewsBotDbContext> dbFactory, long sourceId, TimeProvider time, ILogger log) =>
        new(dbFactory, sourceId, time, log);

    private static async Task RenewAsync(IDbContextFactory<NewsBotDbContext> dbFactory, long sourceId, TimeProvider time, ILogger log, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(SourceScheduler.RunningLease / 4, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    var until = time.GetUtcNow().UtcDateTime + SourceScheduler.RunningLease;
                    // Only a claim that is still held: the poll clears it when it records its outcome.
                    await db.Sources.Where(s => s.Id == sourceId && s.PollClaimedUntil != null)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, until), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewFailed(log, sourceId, e.Message); // the next tick tries again; the lease has 3 more quarters
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the poll finished
        }
    }

    /// <summary>Stops renewing; after this returns no renewal can overwrite the poll's own release of the claim.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {SourceId}: could not renew the running poll's claim: {Cause}")]
    private static partial void LogRenewFailed(ILogger log, long sourceId, string cause);
}
