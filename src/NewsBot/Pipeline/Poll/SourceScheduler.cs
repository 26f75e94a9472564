using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;

namespace NewsBot.Pipeline.Poll;

/// <summary>
/// Keeps the poll schedule: claims due sources in batches, as many as there are free poll slots
/// (<see cref="SourcesOptions.MaxConcurrentPolls"/>), and polls them in this process. While every
/// slot is taken it claims again as soon as a few free up; otherwise it looks once a
/// <see cref="Tick"/>. A claim is renewed while its poll runs (<see cref="PollClaimRenewal"/>);
/// stopping cancels the running polls and gives their sources back.
/// </summary>
public sealed partial class SourceScheduler(
    SourceClaims claims,
    SourcePoller poller,
    TimeProvider time,
    IOptions<SourcesOptions> options,
    ILogger<SourceScheduler> log) : BackgroundService
{
    /// <summary>How often the scheduler looks for due sources while it has free slots.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds unless its poll renews it: a dead instance's sources are polled again after this.</summary>
    public static TimeSpan RunningLease => SourceClaims.RunningLease;

    /// <summary>
    /// Once every slot was taken, how long freed slots gather before the next claim (wall-clock: a
    /// batching knob, not a schedule). Claiming per freed slot would be a write per poll again.
    /// </summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly ConcurrentQueue<long> _cancelled = new();
    private readonly SemaphoreSlim _slotFreed = new(0);
    private readonly CancellationTokenSource _stopPolls = new();
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends when the round run at start-up is over: tests that race schedulers of their own wait for it.</summary>
    internal Task FirstRound => _firstRound.Task;

    private int Slots => options.Value.MaxConcurrentPolls;

    private int FreeSlots => Math.Max(0, Slots - _running.Count);

    /// <summary>Sources this scheduler is polling now.</summary>
    internal IReadOnlyCollection<long> Running => _running.Keys.ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var renewal = new PollClaimRenewal(claims, () => Running, time, log).RunAsync(stoppingToken);
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var filled = false;
                try
                {
                    filled = (await RunRoundAsync(stoppingToken)).FilledSlots;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRoundFailed(e);
                }
                finally
                {
                    _firstRound.TrySetResult();
                }
                if (filled) await WaitForSlotsAsync(stoppingToken);
                else await WaitForTickAsync(timer, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await _stopPolls.CancelAsync();
            await StopPollsAsync();
            await renewal;
        }
    }

    /// <summary>What a round did: how many sources it claimed, and whether that took every free slot (more may be due).</summary>
    public readonly record struct Round(int Claimed, bool FilledSlots);

    /// <summary>Claims due sources into the free slots and starts their polls; <paramref name="ct"/> ends the claim, the scheduler's stop the polls.</summary>
    public async Task<Round> RunRoundAsync(CancellationToken ct)
    {
        var free = FreeSlots;
        if (free == 0) return new Round(0, true);
        var claimed = await claims.ClaimDueAsync(free, ct);
        foreach (var source in claimed)
        {
            // In first, so the poll's own removal at its end cannot come before it.
            _running[source.Id] = Task.CompletedTask;
            var poll = Task.Run(() => PollAsync(source, _stopPolls.Token), CancellationToken.None);
            _running.TryUpdate(source.Id, poll, Task.CompletedTask);
        }
        return new Round(claimed.Count, claimed.Count == free);
    }

    private async Task PollAsync(ClaimedSource source, CancellationToken ct)
    {
        try
        {
            await poller.PollAsync(source, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _cancelled.Enqueue(source.Id);
        }
        catch (Exception e)
        {
            // Not recorded: the claim lapses after RunningLease and the source is polled again then.
            LogPollFailed(source.Id, e);
        }
        finally
        {
            _running.TryRemove(source.Id, out _);
            _slotFreed.Release();
        }
    }

    private async Task WaitForSlotsAsync(CancellationToken ct)
    {
        while (FreeSlots == 0) await _slotFreed.WaitAsync(ct);
        using var gather = CancellationTokenSource.CreateLinkedTokenSource(ct);
        gather.CancelAfter(Gather);
        try
        {
            while (FreeSlots < Math.Max(1, Slots / 4)) await _slotFreed.WaitAsync(gather.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // gathered long enough: claim for the slots that are free
        }
    }

    private static async Task WaitForTickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        await timer.WaitForNextTickAsync(ct);
        // Off the timer's thread: a round's database work must not run inside the clock that fired it
        // (a test clock moved by a day would otherwise run 86 400 scheduler rounds one by one).
        await Task.Yield();
    }

    /// <summary>The polls saw the stop; once they have ended, their sources are given back for the next instance.</summary>
    private async Task StopPollsAsync()
    {
        while (!_running.IsEmpty) await Task.WhenAll(_running.Values);
        var ids = _cancelled.ToList();
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await claims.ReleaseAsync(ids, deadline.Token);
        }
        catch (Exception e)
        {
            LogReleaseFailed(ids.Count, e.Message); // their claims lapse after RunningLease instead
        }
    }

    public override void Dispose()
    {
        _slotFreed.Dispose();
        _stopPolls.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Source scheduler round failed; trying again next tick")]
    private partial void LogRoundFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "source {SourceId}: poll failed; the source is polled again when its claim lapses")]
    private partial void LogPollFailed(long sourceId, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source scheduler: could not give back the claims of {Count} cancelled polls ({Cause}); they lapse on their own")]
    private partial void LogReleaseFailed(int count, string cause);
}
