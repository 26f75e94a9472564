using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Admin;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>The lock-out's clock: it ends after LockoutDuration and is kept per client address.</summary>
public sealed class SignInLockoutTests
{
    private static readonly IPAddress Guesser = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Admin = IPAddress.Parse("198.51.100.2");

    [Fact]
    public void Lock_out_lasts_the_configured_duration_and_spares_other_addresses()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T10:00:00Z", CultureInfo.InvariantCulture));
        var lockout = new SignInLockout(Options.Create(new AdminOptions { MaxFailedSignIns = 5, LockoutDuration = TimeSpan.FromMinutes(15) }), time, NullLogger<SignInLockout>.Instance);

        for (var i = 0; i < 4; i++) lockout.RecordFailure(Guesser);
        Assert.Null(lockout.LockedUntil(Guesser));
        lockout.RecordFailure(Guesser);
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T10:15:00Z", CultureInfo.InvariantCulture), lockout.LockedUntil(Guesser));
        Assert.Null(lockout.LockedUntil(Admin));

        time.Advance(TimeSpan.FromMinutes(14));
        Assert.NotNull(lockout.LockedUntil(Guesser));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(lockout.LockedUntil(Guesser));
        lockout.RecordFailure(Guesser); // a fresh count after the lock-out, not an instant re-lock
        Assert.Null(lockout.LockedUntil(Guesser));
    }

    [Fact]
    public void Failures_spread_further_apart_than_the_lockout_window_do_not_add_up()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T10:00:00Z", CultureInfo.InvariantCulture));
        var lockout = new SignInLockout(Options.Create(new AdminOptions { MaxFailedSignIns = 2, LockoutDuration = TimeSpan.FromMinutes(15) }), time, NullLogger<SignInLockout>.Instance);
        lockout.RecordFailure(Guesser);
        time.Advance(TimeSpan.FromMinutes(16));
        lockout.RecordFailure(Guesser);
        Assert.Null(lockout.LockedUntil(Guesser));
        lockout.RecordFailure(Guesser);
        Assert.NotNull(lockout.LockedUntil(Guesser));
    }

    [Fact]
    public void Addresses_in_one_ipv6_64_share_a_lock_out()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T10:00:00Z", CultureInfo.InvariantCulture));
        var lockout = new SignInLockout(Options.Create(new AdminOptions { MaxFailedSignIns = 2 }), time, NullLogger<SignInLockout>.Instance);
        lockout.RecordFailure(IPAddress.Parse("2001:db8:1:2::1"));
        lockout.RecordFailure(IPAddress.Parse("2001:db8:1:2:ffff::9"));
        Assert.NotNull(lockout.LockedUntil(IPAddress.Parse("2001:db8:1:2::77")));
        Assert.Null(lockout.LockedUntil(IPAddress.Parse("2001:db8:1:3::1")));
    }
}
