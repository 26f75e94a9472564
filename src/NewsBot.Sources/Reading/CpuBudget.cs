namespace NewsBot.Sources.Reading;

/// <summary>What a budgeted piece of work gave: its value, or nothing because the budget ran out first.</summary>
public readonly record struct Budgeted<T>(bool InTime, T? Value);

/// <summary>
/// Runs synchronous CPU work over a stranger's content (parsing a feed, matching its items,
/// extracting a page) on its own thread under a time budget. The caller gets control back when the
/// budget is spent even if the work ignores its token, so one expensive input never holds a poll or
/// page job beyond it; work that honours the token (the parsers check it between items) also stops
/// burning CPU then.
/// </summary>
public static class CpuBudget
{
    /// <exception cref="OperationCanceledException">only when <paramref name="ct"/> (the host stopping) is cancelled.</exception>
    public static async Task<Budgeted<T>> RunAsync<T>(Func<CancellationToken, T> work, TimeSpan budget, TimeProvider time, CancellationToken ct)
    {
        using var limit = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            return new Budgeted<T>(true, await RunAsync(work, linked.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && limit.IsCancellationRequested)
        {
            return new Budgeted<T>(false, default);
        }
    }

    /// <summary>The work on its own thread, given up (with <see cref="OperationCanceledException"/>) when <paramref name="budget"/> is cancelled.</summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken budget)
    {
        // A thread of its own, not the thread pool's: many expensive inputs at once must not starve the
        // pool that delivery, commands and every other async step continue on.
        var running = Task.Factory.StartNew(() => work(budget), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await running.WaitAsync(budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!running.IsCompleted)
        {
            // Work that ignores its token runs on to its end; its outcome, an exception included, is
            // nobody's business any more, but it must not surface later as an unobserved task exception.
            _ = running.ContinueWith(static t => t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>"20 s", "1.5 s", "2 min": how a budget reads in a source's health.</summary>
    public static string Describe(TimeSpan budget) =>
        budget >= TimeSpan.FromMinutes(2) && budget.TotalMinutes % 1 == 0 ? $"{budget.TotalMinutes:0} min" : $"{budget.TotalSeconds:0.#} s";
}
