namespace NewsBot.Pipeline.Poll;

/// <summary>
/// Keeps this instance's running polls' claims from running out while they legitimately work (a
/// slow fetch waiting for its host's turn, then a long parse), so no scheduler hands the same feed to
/// a twin poll. Every quarter of <see cref="SourceClaims.RunningLease"/> one statement renews all of
/// them; if this instance dies, the renewals stop and its claims lapse.
/// </summary>
internal sealed partial class PollClaimRenewal(SourceClaims claims, Func<IReadOnlyCollection<long>> running, TimeProvider time, ILogger log)
{
    public static TimeSpan Period => SourceClaims.RunningLease / 4;

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var ids = running();
                try
                {
                    await claims.RenewAsync(ids, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewFailed(log, ids.Count, e.Message); // the next tick tries again; the lease has 3 more quarters
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "poll claims: could not renew the claims of {Count} running polls: {Cause}")]
    private static partial void LogRenewFailed(ILogger log, int count, string cause);
}
