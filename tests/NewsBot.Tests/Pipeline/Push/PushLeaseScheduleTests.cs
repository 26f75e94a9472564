using NewsBot.Pipeline.Push;

namespace NewsBot.Tests.Pipeline.Push;

public sealed class PushLeaseScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3600, 2880)]       // 1 h: at 80 % (48 min); a day before would be in the past
    [InlineData(864000, 691200)]   // 10 days: at 80 % (8 days) comes before a day before (9 days)
    [InlineData(172800, 86400)]    // 2 days: a day before (1 day) comes before 80 % (1.6 days)
    public void A_lease_is_renewed_at_80_percent_or_a_day_before_it_ends_whichever_is_first(int leaseSeconds, int renewAfterSeconds) =>
        Assert.Equal(Now.AddSeconds(renewAfterSeconds), PushLeaseSchedule.RenewAt(Now, TimeSpan.FromSeconds(leaseSeconds)));

    [Fact]
    public void Failures_back_off_exponentially_up_to_a_cap_and_honour_a_longer_retry_after()
    {
        Assert.Equal(Now.AddMinutes(1), PushLeaseSchedule.Retry(Now, 1, null));
        Assert.Equal(Now.AddMinutes(4), PushLeaseSchedule.Retry(Now, 3, null));
        Assert.Equal(Now + PushLeaseSchedule.MaxBackoff, PushLeaseSchedule.Retry(Now, 30, null));
        Assert.Equal(Now.AddMinutes(30), PushLeaseSchedule.Retry(Now, 1, TimeSpan.FromMinutes(30)));
    }
}
