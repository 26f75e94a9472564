using Microsoft.Extensions.Time.Testing;
using NewsBot.Sources.Fetching;

namespace NewsBot.Sources.Tests.Fetching;

public class PollScheduleTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private static TimeSpan Wait(int failures, TimeSpan? minNextPoll = null, TimeSpan? retryAfter = null, Random? jitter = null, TimeSpan? interval = null)
    {
        var now = Clock.GetUtcNow();
        return PollSchedule.NextPoll(now, interval ?? Interval, failures, minNextPoll, retryAfter, jitter) - now;
    }

    [Fact]
    public void Success_without_jitter_waits_exactly_the_interval() => Assert.Equal(Interval, Wait(0));

    [Fact]
    public void Success_with_jitter_stays_within_ten_percent_and_varies()
    {
        var random = new Random(42);
        var waits = Enumerable.Range(0, 200).Select(_ => Wait(0, jitter: random)).ToList();

        Assert.All(waits, w => Assert.InRange(w, Interval * 0.9, Interval * 1.1));
        Assert.True(waits.Distinct().Count() > 100, "jitter should spread polls");
        Assert.True(waits.Min() < Interval * 0.95 && waits.Max() > Interval * 1.05, "jitter should use both sides");
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(3, 80)]
    [InlineData(5, 320)]
    [InlineData(6, 360)]
    [InlineData(30, 360)]
    [InlineData(int.MaxValue, 360)]
    public void Failures_back_off_exponentially_up_to_six_hours(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Wait(failures));

    [Fact]
    public void Backoff_never_drops_below_a_long_interval() =>
        Assert.Equal(TimeSpan.FromHours(12), Wait(3, interval: TimeSpan.FromHours(12)));

    [Fact]
    public void Retry_after_longer_than_the_backoff_wins() =>
        Assert.Equal(TimeSpan.FromHours(2), Wait(1, retryAfter: TimeSpan.FromHours(2)));

    [Fact]
    public void Retry_after_shorter_than_the_backoff_does_not_shorten_it() =>
        Assert.Equal(TimeSpan.FromMinutes(20), Wait(1, retryAfter: TimeSpan.FromSeconds(30)));

    [Fact]
    public void Max_age_is_a_floor_after_success() =>
        Assert.Equal(TimeSpan.FromMinutes(30), Wait(0, minNextPoll: TimeSpan.FromMinutes(30)));

    [Fact]
    public void Max_age_shorter_than_the_interval_changes_nothing() =>
        Assert.Equal(Interval, Wait(0, minNextPoll: TimeSpan.FromMinutes(1)));

    [Fact]
    public void Hostile_max_age_or_retry_after_cannot_stop_polling_for_more_than_a_day()
    {
        Assert.Equal(TimeSpan.FromHours(24), Wait(0, minNextPoll: TimeSpan.FromDays(365)));
        Assert.Equal(TimeSpan.FromHours(24), Wait(2, retryAfter: TimeSpan.FromDays(3650)));
    }

    [Fact]
    public void Non_positive_interval_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Wait(0, interval: TimeSpan.Zero));
}
