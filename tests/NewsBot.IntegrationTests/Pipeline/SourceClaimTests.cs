using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Pipeline.Poll;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>
/// A scheduler claims a due source before it hands the poll to a job. Whatever goes wrong between
/// the claim and the job — the instance dies, the job store refuses the job, the job waits in the
/// queue past the claim — the source is polled again soon, and not twice.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SourceClaimTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-claims-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private NewsSite _site = null!;
    private TestHost _host = null!;

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
        await _host.DisposeAsync();
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    /// <summary>Added after start, so the host's own scheduler (on the fake clock) has not seen it yet.</summary>
    private async Task<long> AddDueSourceAsync(string path = NewsSite.FeedPath)
    {
        await using var db = _host.Db();
        var now = _time.GetUtcNow().UtcDateTime;
        var source = new Source { Name = "Loopback News", Url = _site.Url(path).ToString(), PollInterval = TimeSpan.FromMinutes(10), NextPollAt = now, CreatedAt = now };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }

    private async Task<Source> SourceAsync(long id)
    {
        await using var db = _host.Db();
        return await db.Sources.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private SourceScheduler HostScheduler => _host.Services.GetServices<IHostedService>().OfType<SourceScheduler>().Single();

    /// <summary>A second scheduler, as on another instance, whose job client goes through <paramref name="filter"/>.</summary>
    private SourceScheduler OtherInstanceScheduler(IClientFilter filter) =>
        ActivatorUtilities.CreateInstance<SourceScheduler>(_host.Services,
            (IBackgroundJobClient)new BackgroundJobClient(_host.Services.GetRequiredService<JobStorage>(), new JobFilterCollection { filter }));

    [Fact]
    public async Task A_source_claimed_by_an_instance_that_died_before_enqueuing_its_poll_is_polled_within_30_seconds()
    {
        var id = await AddDueSourceAsync();
        using var frozen = new Gate();
        var dying = OtherInstanceScheduler(frozen);
        var dyingTick = Task.Run(() => dying.EnqueueDueSourcesAsync(CancellationToken.None));
        await Eventually.TrueAsync(() => frozen.Reached, Wait, "the other instance has claimed the source and is enqueuing its poll");

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await HostScheduler.EnqueueDueSourcesAsync(CancellationToken.None)); // the claim still holds
        Assert.Equal(0, _site.Polls());

        _time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(async () => (await SourceAsync(id)).FirstFetchDone, Wait, "this instance polls the source");
        Assert.Equal(1, _site.Polls());
        await using (var db = _host.Db())
            Assert.Equal("Ceasefire holds overnight", (await db.Articles.SingleAsync(a => a.SourceId == id)).Title);
        Assert.Null((await SourceAsync(id)).PollClaimedUntil); // released by the job when it finished

        frozen.Release();
        await Assert.ThrowsAnyAsync<Exception>(() => dyingTick);
    }

    [Fact]
    public async Task A_poll_the_job_store_refuses_leaves_the_source_free_for_the_next_tick()
    {
        var id = await AddDueSourceAsync();
        var refusing = OtherInstanceScheduler(new RefuseJobs());
        await Assert.ThrowsAnyAsync<Exception>(() => refusing.EnqueueDueSourcesAsync(CancellationToken.None));
        Assert.Null((await SourceAsync(id)).PollClaimedUntil);

        Assert.Equal(1, await HostScheduler.EnqueueDueSourcesAsync(CancellationToken.None)); // no clock moved
        await Eventually.TrueAsync(async () => (await SourceAsync(id)).FirstFetchDone, Wait, "the source is polled");
        Assert.Equal(1, _site.Polls());
    }

    [Fact]
    public async Task A_poll_job_that_starts_after_a_twin_already_polled_the_source_does_not_fetch_it_again()
    {
        var id = await AddDueSourceAsync();
        // Both jobs exist because the first waited in the queue past the scheduler's claim.
        await _host.Services.GetRequiredService<PollSourceJob>().RunAsync(id, CancellationToken.None);
        await _host.Services.GetRequiredService<PollSourceJob>().RunAsync(id, CancellationToken.None);

        Assert.Equal(1, _site.Polls());
        var source = await SourceAsync(id);
        Assert.True(source.FirstFetchDone);
        Assert.True(source.NextPollAt > _time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task A_poll_that_runs_longer_than_its_claim_keeps_the_source_and_no_twin_polls_it()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Server.Map("stalled.xml", async ctx =>
        {
            await stalled.Task; // a site that takes minutes to answer
            ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
            await ctx.Response.WriteAsync(_site.Feed.Build());
        });
        var id = await AddDueSourceAsync("stalled.xml");
        Assert.Equal(1, await HostScheduler.EnqueueDueSourcesAsync(CancellationToken.None));
        await Eventually.TrueAsync(() => _site.Polls("stalled.xml") == 1, Wait, "the poll is fetching");

        // Three times the running claim, in the steps the claim is renewed in; every scheduler tick sees the source still held.
        for (var step = 0; step < 12; step++)
        {
            _time.Advance(SourceScheduler.RunningLease / 4);
            var heldUntil = _time.GetUtcNow().UtcDateTime + SourceScheduler.RunningLease - TimeSpan.FromSeconds(1);
            await Eventually.TrueAsync(async () => (await SourceAsync(id)).PollClaimedUntil >= heldUntil, Wait,
                $"the running poll renews its claim ({step + 1} × {SourceScheduler.RunningLease / 4})");
            Assert.Equal(0, await HostScheduler.EnqueueDueSourcesAsync(CancellationToken.None));
        }
        Assert.Equal(1, _site.Polls("stalled.xml"));

        stalled.SetResult();
        await Eventually.TrueAsync(async () => (await SourceAsync(id)).FirstFetchDone, Wait, "the slow poll finishes");
        Assert.Null((await SourceAsync(id)).PollClaimedUntil);
        Assert.Equal(1, _site.Polls("stalled.xml"));
    }

    /// <summary>Stands for an instance frozen (then killed) after its claim and before its job is stored.</summary>
    private sealed class Gate : IClientFilter, IDisposable
    {
        private readonly ManualResetEventSlim _open = new();
        public volatile bool Reached;

        public void OnCreating(CreatingContext context)
        {
            Reached = true;
            _open.Wait();
            throw new InvalidOperationException("this instance is gone");
        }

        public void OnCreated(CreatedContext context) { }

        public void Release() => _open.Set();

        public void Dispose() => _open.Dispose();
    }

    /// <summary>A job store that cannot take the job (its database unreachable for a moment).</summary>
    private sealed class RefuseJobs : IClientFilter
    {
        public void OnCreating(CreatingContext context) => throw new InvalidOperationException("job storage unavailable");

        public void OnCreated(CreatedContext context) { }
    }
}
