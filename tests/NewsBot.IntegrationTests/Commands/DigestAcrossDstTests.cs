using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Commands;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Deliver;
using static NewsBot.IntegrationTests.Infrastructure.ConsoleUsers;

namespace NewsBot.IntegrationTests.Commands;

/// <summary>
/// A daily digest at 08:00 Europe/Berlin through the real host on a fake clock: on the morning of the spring-forward
/// change (CET → CEST, 2027-03-28) 08:00 is 06:00 UTC, on the morning of the fall-back change (2027-10-31) 07:00 UTC.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DigestAcrossDstTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("2027-03-27T12:00:00Z", "2027-03-28T06:00:00Z")] // spring forward at 02:00 local on the 28th
    [InlineData("2027-10-30T12:00:00Z", "2027-10-31T07:00:00Z")] // fall back at 03:00 local on the 31st
    public async Task Daily_digest_arrives_at_eight_local_time_after_the_change(string start, string due)
    {
        var clock = new WallClock(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        var dueAt = DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        var dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-dst-{Guid.NewGuid():N}.db");
        await using var site = await NewsSite.StartAsync();
        site.Feed.Add("old", "Yesterday", "<p>Old.</p>", clock.GetUtcNow().AddDays(-1));
        try
        {
            await using var host = await TestHost.StartAsync(dbPath, site.SeedSource(), services => services.AddSingleton<TimeProvider>(clock));
            await host.WaitForFirstFetchAsync(Wait);
            var executor = host.Services.GetRequiredService<ICommandExecutor>();
            Task<CommandReply> Send(string text) => CommandRouter.RouteAsync(Alice, ChatCommandParser.Parse(text)!, executor, CancellationToken.None);
            await Send("/add ceasefire");
            await Send("/timezone Europe/Berlin");
            Assert.Contains("Digest daily at 08:00 Europe/Berlin", (await Send("/digest daily 08:00")).Text);

            site.Feed.Add("n1", "Ceasefire talks resume in Cairo", "<p>Delegations arrived.</p>", clock.GetUtcNow());
            await Eventually.TrueAsync(async () =>
            {
                clock.Advance(TimeSpan.FromSeconds(1)); // the scheduler polls on the host's clock
                await using var db = host.Db();
                return await db.Alerts.AnyAsync(a => a.HeldFor != null);
            }, Wait, "the alert is held for the digest");
            await using (var db = host.Db())
                Assert.Equal(dueAt.UtcDateTime, (await db.Alerts.SingleAsync()).NextAttemptAt);

            var dispatcher = host.Services.GetRequiredService<AlertDispatcher>();
            clock.JumpTo(dueAt - TimeSpan.FromMinutes(1));
            await dispatcher.DispatchPendingAsync(CancellationToken.None);
            Assert.DoesNotContain("Ceasefire talks resume", host.Output.Text);

            clock.Advance(TimeSpan.FromMinutes(1));
            await dispatcher.DispatchPendingAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => host.Output.Text.Contains("Ceasefire talks resume in Cairo"), Wait, "the digest is sent");
            await using (var db = host.Db())
                Assert.Equal(dueAt.UtcDateTime, (await db.Alerts.SingleAsync()).SentAt);
        }
        finally
        {
            TempDatabase.Delete(dbPath);
        }
    }

    /// <summary>
    /// The fake clock, plus a jump of the wall clock that leaves timers alone, as a real clock set forward
    /// does (timers run on the monotonic clock). Advancing the fake across the ~18 hours to the digest
    /// instead fires the host's one-second scheduler timer some 65,000 times, which took about 50 s.
    /// </summary>
    private sealed class WallClock(DateTimeOffset start) : TimeProvider
    {
        private readonly FakeTimeProvider _fake = new(start);
        private TimeSpan _jumped;

        public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow() + _jumped;
        public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;
        public override long TimestampFrequency => _fake.TimestampFrequency;
        public override long GetTimestamp() => _fake.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            _fake.CreateTimer(callback, state, dueTime, period);

        /// <summary>Moves time and fires the timers due on the way.</summary>
        public void Advance(TimeSpan delta) => _fake.Advance(delta);

        /// <summary>Sets the wall clock forward without firing timers.</summary>
        public void JumpTo(DateTimeOffset now)
        {
            Assert.True(now >= GetUtcNow(), "the clock only moves forward");
            _jumped += now - GetUtcNow();
        }
    }
}
