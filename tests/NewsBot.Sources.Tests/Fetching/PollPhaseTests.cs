using NewsBot.Sources.Fetching;

namespace NewsBot.Sources.Tests.Fetching;

/// <summary>
/// After a success each source polls on its own phase of its interval, so feeds read together (a cold
/// start of many new feeds, or a burst after a stall) spread over the next interval instead of coming
/// due together again — with jitter alone, 75,000 feeds read in one minute after a cold start stayed
/// bunched in a minute-wide wave every five minutes.
/// </summary>
public class PollPhaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 26, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public void Sources_read_at_the_same_instant_come_due_evenly_over_the_next_interval()
    {
        var next = Enumerable.Range(1, 100_000).Select(id => PollSchedule.NextOnPhase(Now, Interval, id, null)).ToList();

        // Ten equal slices of the half-open window [now + interval/2, now + 3/2 interval): each holds 10 % ± 1 %.
        var start = Now + Interval / 2;
        var perSlice = next.GroupBy(t => (int)((t - start) / (Interval / 10))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(0, 10), perSlice.Keys.Order());
        Assert.All(perSlice.Values, count => Assert.InRange(count, 9_000, 11_000));
    }

    [Fact]
    public void A_source_polled_on_its_phase_is_polled_again_exactly_one_interval_later()
    {
        for (var id = 1L; id <= 1000; id++)
        {
            var phase = PollSchedule.NextOnPhase(Now, Interval, id, null);
            Assert.Equal(phase + Interval, PollSchedule.NextOnPhase(phase, Interval, id, null));
            // A poll that ran a little late (its claim waited for a slot) keeps the phase too.
            Assert.Equal(phase + Interval, PollSchedule.NextOnPhase(phase + TimeSpan.FromSeconds(20), Interval, id, null));
        }
    }

    [Fact]
    public void The_wait_is_never_under_half_an_interval_nor_over_one_and_a_half()
    {
        for (var id = 1L; id <= 10_000; id++)
        {
            var wait = PollSchedule.NextOnPhase(Now, Interval, id, null) - Now;
            Assert.InRange(wait, Interval / 2, Interval * 1.5 - TimeSpan.FromTicks(1));
        }
    }

    [Fact]
    public void A_server_asking_for_a_longer_wait_is_obeyed_and_the_phase_kept()
    {
        var floor = TimeSpan.FromHours(1);
        var plain = PollSchedule.NextOnPhase(Now, Interval, 7, null);
        var floored = PollSchedule.NextOnPhase(Now, Interval, 7, floor);

        Assert.True(floored - Now >= floor, $"polled after {floored - Now}, the server asked for {floor}");
        Assert.True(floored - Now < floor + Interval);
        Assert.Equal(0, (floored - plain).Ticks % Interval.Ticks);
    }

    [Fact]
    public void Different_intervals_and_odd_ones_work()
    {
        foreach (var interval in new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(7), TimeSpan.FromDays(1) })
        {
            var next = PollSchedule.NextOnPhase(Now, interval, 42, null);
            Assert.InRange(next - Now, interval / 2, interval * 1.5);
            Assert.Equal(next + interval, PollSchedule.NextOnPhase(next, interval, 42, null));
        }
    }
}
