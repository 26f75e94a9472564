using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Push;

/// <summary>
/// Leases on a fake clock shared by the host and the hub: renewed before they end, a lapse gives the
/// source its own poll interval back, a failing hub is retried with the error in the health, and a
/// paused source is unsubscribed.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WebSubLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-websub-lease-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", CultureInfo.InvariantCulture));
    private PushedNewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await PushedNewsSite.StartAsync(_time);
        _site.Hub.GrantedLeaseSeconds = 3600; // the hub's word, not the 10 days asked for
        _site.Site.Feed.Add("old", "Yesterday's weather", "<p>Sunny.</p>", _time.GetUtcNow().AddDays(-1));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    private async Task<TestHost> StartAsync()
    {
        var host = await TestHost.StartAsync(_dbPath, _site.Settings(), services => services.AddSingleton<TimeProvider>(_time));
        _site.Route(host);
        return host;
    }

    [Fact]
    public async Task A_lease_is_renewed_before_it_ends_and_a_lapse_returns_the_source_to_its_own_interval()
    {
        await using var host = await StartAsync();
        await PumpUntilAsync(host, s => s?.State == PushState.Active, "the subscription is verified");
        var firstEnd = (await SubscriptionAsync(host))!.ActiveUntil!.Value;
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddHours(1), firstEnd, TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromMinutes(47)); // renewal is due at 80 % of the hour, 48 min
        await PumpUntilAsync(host, s => s?.ActiveUntil > firstEnd, "the lease is renewed");
        Assert.True(_time.GetUtcNow().UtcDateTime < firstEnd, "renewed before the lease ended");
        Assert.Equal(2, _site.Hub.Requests.Count(r => r["hub.mode"] == "subscribe"));
        Assert.Null((await SubscriptionAsync(host))!.LastError);

        _site.Hub.FailNext(1000); // the hub is down for good: renewals fail
        var secondEnd = (await SubscriptionAsync(host))!.ActiveUntil!.Value;
        _time.Advance(secondEnd - _time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        var polls = _site.Site.Polls();
        await PumpUntilAsync(host, s => s?.State == PushState.Lapsed, "the lease lapses");
        await PumpUntilAsync(async () => _site.Site.Polls() > polls && (await SourceAsync(host)).LastAttemptAt >= secondEnd, "the lapsed source is polled at once");
        var source = await SourceAsync(host);
        Assert.True(source.NextPollAt < _time.GetUtcNow().UtcDateTime.AddMinutes(7.5), $"next poll at {source.NextPollAt:u}: its own 5 minutes again");
        await PumpUntilAsync(host, s => s?.LastError is not null, "the failed renewal is recorded");
        Assert.Contains("HTTP 500", (await SubscriptionAsync(host))!.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_hub_is_retried_with_back_off_until_it_accepts()
    {
        _site.Hub.FailNext(1);
        await using var host = await StartAsync();
        await PumpUntilAsync(host, s => s?.ConsecutiveFailures == 1, "the failure is recorded");
        var failed = (await SubscriptionAsync(host))!;
        Assert.Equal("subscribe at 127.0.0.1: HTTP 500 Internal Server Error", failed.LastError);
        Assert.Equal(PushState.Pending, failed.State);

        await PumpUntilAsync(host, s => s?.State == PushState.Active, "the retry succeeds");
        Assert.Null((await SubscriptionAsync(host))!.LastError);
        Assert.Equal(2, _site.Hub.Requests.Count);
    }

    [Fact]
    public async Task A_paused_source_is_unsubscribed_at_its_hub()
    {
        await using var host = await StartAsync();
        await PumpUntilAsync(host, s => s?.State == PushState.Active, "the subscription is verified");
        await using (var db = host.Db())
            await db.Sources.ExecuteUpdateAsync(u => u.SetProperty(s => s.Paused, true));

        await PumpUntilAsync(host, s => s?.State == PushState.Unsubscribed, "the unsubscription is verified");
        Assert.Equal("unsubscribe", _site.Hub.Requests.Last()["hub.mode"]);
        Assert.Empty(_site.Hub.Subscribers(_site.Topic));
    }

    private static async Task<PushSubscription?> SubscriptionAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.PushSubscriptions.AsNoTracking().SingleOrDefaultAsync();
    }

    private static async Task<Source> SourceAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Sources.AsNoTracking().SingleAsync();
    }

    private Task PumpUntilAsync(TestHost host, Func<PushSubscription?, bool> condition, string because) =>
        PumpUntilAsync(async () => condition(await SubscriptionAsync(host)), because);

    /// <summary>Waits while moving the fake clock a second at a time, so the host's timers run as in real time.</summary>
    private async Task PumpUntilAsync(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {Wait.TotalSeconds:0} s waiting until {because}");
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
    }
}
