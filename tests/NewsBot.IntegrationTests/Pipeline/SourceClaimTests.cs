using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Poll;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// A scheduler claims a due source before it polls it. Whatever goes wrong around the claim — the
/// instance that claimed it dies, the poll outlives the claim, the host stops mid-poll — the source
/// is polled again soon, and not twice.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SourceClaimTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-claims-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private NewsSite _site = null!;
    private TestHost? _host;

    private TestHost Host => _host!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("truce-1", "Ceasefire holds overnight", "<p>Quiet night.</p>", _time.GetUtcNow().AddHours(-1));
        // A long fetch timeout: these tests move the clock by minutes while a fetch waits on the test.
        _host = await TestHost.StartAsync(_dbPath, new Dictionary<string, string?> { ["NewsBot:Sources:FetchTimeout"] = "00:10:00" },
            services => services.AddSingleton<TimeProvider>(_time));
        // The host's scheduler runs one round as it starts; a source added while that round reads the
        // table would be claimed by it instead of by the schedulers these tests play.
        await HostScheduler.FirstRound.WaitAsync(Wait);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    /// <summary>Added after start, so the host's own scheduler (on the fake clock) has not seen it yet.</summary>
    private async Task<long> AddDueSourceAsync(string path = NewsSite.FeedPath)
    {
        await using var db = Host.Db();
        var now = _time.GetUtcNow().UtcDateTime;
        var source = new Source { Name = "Loopback News", Url = _site.Url(path).ToString(), PollInterval = TimeSpan.FromMinutes(10), NextPollAt = now, CreatedAt = now };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }

    private async Task<Source> SourceAsync(long id)
    {
        await using var db = Host.Db();
        return await db.Sources.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private SourceScheduler HostScheduler => Host.Services.GetServices<IHostedService>().OfType<SourceScheduler>().Single();

    /// <summary>Another instance's claims on the same database.</summary>
    private SourceClaims OtherInstanceClaims => new(Host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Storage.NewsBotDbContext>>(), _time);

    /// <summary>A poll that waits until the test lets its site answer.</summary>
    private TaskCompletionSource StallSite(string path)
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Server.Map(path, async ctx =>
        {
            await stalled.Task.WaitAsync(ctx.RequestAborted); // a site that takes minutes to answer
            ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
            await ctx.Response.WriteAsync(_site.Feed.Build());
        });
        return stalled;
    }

    [Fact]
    public async Task A_source_claimed_by_an_instance_that_died_is_polled_within_30_seconds()
    {
        var id = await AddDueSourceAsync();
        Assert.Single(await OtherInstanceClaims.ClaimDueAsync(10, CancellationToken.None)); // and then that instance dies

        _time.Advance(SourceScheduler.RunningLease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await HostScheduler.RunRoundAsync(CancellationToken.None)).Claimed); // the claim still holds
        Assert.Equal(0, _site.Polls());

        _time.Advance(TimeSpan.FromSeconds(2)); // the host's own tick finds the lapsed claim
        await Eventually.TrueAsync(async () => (await SourceAsync(id)).FirstFetchDone, Wait, "this instance polls the source");
        Assert.Equal(1, _site.Polls());
        await using (var db = Host.Db())
            Assert.Equal("Ceasefire holds overnight", (await db.Articles.SingleAsync(a => a.SourceId == id)).Title);
        Assert.Null((await SourceAsync(id)).PollClaimedUntil); // released when the poll was recorded
    }

    [Fact]
    public async Task A_claimed_source_is_not_claimed_again_by_any_instance_and_is_polled_once()
    {
        var stalled = StallSite("slow.xml");
        var id = await AddDueSourceAsync("slow.xml");
        Assert.Equal(1, (await HostScheduler.RunRoundAsync(CancellationToken.None)).Claimed);
        await Eventually.TrueAsync(() => _site.Polls("slow.xml") == 1, Wait, "the poll is fetching");

        Assert.Equal(0, (await HostScheduler.RunRoundAsync(CancellationToken.None)).Claimed);
        Assert.Empty(await OtherInstanceClaims.ClaimDueAsync(10, CancellationToken.None));

        stalled.SetResult();
        await Eventually.TrueAsync(async () => (await SourceAsync(id)).PollClaimedUntil is null, Wait, "the poll is recorded");
        Assert.Empty(await OtherInstanceClaims.ClaimDueAsync(10, CancellationToken.None)); // not due again for 10 minutes
        var source = await SourceAsync(id);
        Assert.True(source.FirstFetchDone);
        Assert.True(source.NextPollAt > _time.GetUtcNow().UtcDateTime);
        Assert.Equal(1, _site.Polls("slow.xml"));
    }

    [Fact]
    public async Task A_poll_that_runs_longer_than_its_claim_keeps_the_source_and_no_twin_polls_it()
    {
        var stalled = StallSite("stalled.xml");
        var id = await AddDueSourceAsync("stalled.xml");
        Assert.Equal(1, (await HostScheduler.RunRoundAsync(CancellationToken.None)).Claimed);
        await Eventually.TrueAsync(() => _site.Polls("stalled.xml") == 1, Wait, "the poll is fetching");

        // Three times the claim, in the steps the claim is renewed in; every scheduler sees the source still held.
        for (var step = 0; step < 12; step++)
        {
            _time.Advance(PollClaimRenewal.Period);
            var heldUntil = _time.GetUtcNow().UtcDateTime + SourceScheduler.RunningLease - TimeSpan.FromSeconds(1);
            await Eventually.TrueAsync(async () => (await SourceAsync(id)).PollClaimedUntil >= heldUntil, Wait,
                $"the running poll's claim is renewed ({step + 1} × {PollClaimRenewal.Period})");
            Assert.Equal(0, (await HostScheduler.RunRoundAsync(CancellationToken.None)).Claimed);
            Assert.Empty(await OtherInstanceClaims.ClaimDueAsync(10, CancellationToken.None));
        }
        Assert.Equal(1, _site.Polls("stalled.xml"));

        stalled.SetResult();
        await Eventually.TrueAsync(async () => (await SourceAsync(id)).FirstFetchDone, Wait, "the slow poll finishes");
        Assert.Null((await SourceAsync(id)).PollClaimedUntil);
        Assert.Equal(1, _site.Polls("stalled.xml"));
    }

    [Fact]
    public async Task Stopping_the_host_ends_a_running_poll_within_seconds_and_gives_its_source_back()
    {
        StallSite("stalled.xml");
        var id = await AddDueSourceAsync("stalled.xml");
        Assert.Equal(1, (await HostScheduler.RunRoundAsync(CancellationToken.None)).Claimed);
        await Eventually.TrueAsync(() => _site.Polls("stalled.xml") == 1, Wait, "the poll is fetching");
        var factory = Host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Storage.NewsBotDbContext>>();

        var clock = Stopwatch.StartNew();
        await Host.DisposeAsync();
        _host = null;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"stopping took {clock.Elapsed.TotalSeconds:0.0} s");
        await using var db = await factory.CreateDbContextAsync();
        var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Null(source.PollClaimedUntil); // the next instance polls it at once
        Assert.False(source.FirstFetchDone);
    }
}
