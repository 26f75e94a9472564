using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Sources.Reading;

namespace NewsBot.Sources.Tests.Reading;

/// <summary>
/// Parsing a feed and extracting a page run under a time budget: whatever the input costs, the poll
/// or page job gets control back when the budget is spent. The fake clock stands for the budget
/// running out; the work stands for an input that is expensive to read.
/// </summary>
public sealed class CpuBudgetTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Work_that_ignores_its_token_is_abandoned_when_the_budget_is_spent()
    {
        using var neverEnds = new ManualResetEventSlim();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = CpuBudget.RunAsync(_ =>
        {
            started.SetResult();
            neverEnds.Wait(CancellationToken.None); // a parser stuck in one long step, not checking its token
            return "done";
        }, Budget, _time, CancellationToken.None);
        await started.Task.WaitAsync(Wait);

        _time.Advance(Budget - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.False(run.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await run.WaitAsync(Wait);
        Assert.False(result.InTime);
        Assert.Null(result.Value);
        neverEnds.Set();
    }

    [Fact]
    public async Task Work_that_honours_its_token_stops_when_the_budget_is_spent()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = CpuBudget.RunAsync(token =>
        {
            while (!token.IsCancellationRequested) Thread.Sleep(1);
            stopped.SetResult();
            token.ThrowIfCancellationRequested();
            return 0;
        }, Budget, _time, CancellationToken.None);

        _time.Advance(Budget);
        Assert.False((await run.WaitAsync(Wait)).InTime);
        await stopped.Task.WaitAsync(Wait); // the CPU is free again, not only the caller
    }

    [Fact]
    public async Task Work_within_its_budget_gives_its_value()
    {
        var result = await CpuBudget.RunAsync(_ => 42, Budget, _time, CancellationToken.None).WaitAsync(Wait);
        Assert.Equal(new Budgeted<int>(true, 42), result);
    }

    [Fact]
    public async Task Work_that_fails_within_its_budget_passes_its_exception_on()
    {
        var run = CpuBudget.RunAsync<int>(_ => throw new FormatException("not a feed"), Budget, _time, CancellationToken.None);
        Assert.Equal("not a feed", (await Assert.ThrowsAsync<FormatException>(() => run.WaitAsync(Wait))).Message);
    }

    [Fact]
    public async Task A_stopping_host_cancels_the_work_rather_than_reporting_a_spent_budget()
    {
        using var stopping = new CancellationTokenSource();
        var run = CpuBudget.RunAsync(token =>
        {
            token.WaitHandle.WaitOne();
            token.ThrowIfCancellationRequested();
            return 0;
        }, Budget, _time, stopping.Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Wait));
    }

    [Theory]
    [InlineData(20, "20 s")]
    [InlineData(1.5, "1.5 s")]
    [InlineData(120, "2 min")]
    public void A_budget_reads_in_plain_units(double seconds, string expected) =>
        Assert.Equal(expected, CpuBudget.Describe(TimeSpan.FromSeconds(seconds)));
}
