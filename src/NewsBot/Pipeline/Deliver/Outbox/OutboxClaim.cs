using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Deliver.Outbox;

/// <summary>
/// The lease on outbox rows. A sender claims rows before sending them: two senders never send the same
/// row, and a row claimed by a sender that died is sent by another once <see cref="Until"/> has passed.
/// The claim's time is also its mark: only rows still carrying it are renewed or released.
/// </summary>
public sealed record OutboxClaim(DateTime Until)
{
    /// <summary>The one claim condition: nobody holds the row, or the holder's lease ran out.</summary>
    public static Expression<Func<T, bool>> Free<T>(DateTime now) where T : class, IOutboxRow =>
        r => r.ClaimedUntil == null || r.ClaimedUntil < now;

    /// <summary>
    /// Claims all of <paramref name="rows"/> (expected: <paramref name="count"/>) or none of them:
    /// when another sender holds some, the ones taken here are let go again.
    /// </summary>
    public static async Task<OutboxClaim?> TryTakeAsync<T>(IQueryable<T> rows, int count, DateTime now, TimeSpan lease, CancellationToken ct)
        where T : class, IOutboxRow
    {
        var claim = new OutboxClaim(now + lease);
        var taken = await rows.Where(Free<T>(now)).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedUntil, claim.Until), ct);
        if (taken == count && count > 0) return claim;
        if (taken > 0) await claim.ReleaseAsync(rows, CancellationToken.None);
        return null;
    }

    /// <summary>Extends the lease for the next step of a long item (a digest's next part).</summary>
    public async Task<OutboxClaim> RenewAsync<T>(IQueryable<T> rows, DateTime now, TimeSpan lease, CancellationToken ct) where T : class, IOutboxRow
    {
        var renewed = new OutboxClaim(now + lease);
        await Held(rows).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedUntil, renewed.Until), ct);
        return renewed;
    }

    public Task<int> ReleaseAsync<T>(IQueryable<T> rows, CancellationToken ct) where T : class, IOutboxRow =>
        Held(rows).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedUntil, (DateTime?)null), ct);

    private IQueryable<T> Held<T>(IQueryable<T> rows) where T : class, IOutboxRow
    {
        var until = Until;
        return rows.Where(r => r.ClaimedUntil == until);
    }
}
