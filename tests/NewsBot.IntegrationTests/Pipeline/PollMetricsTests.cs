using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.IntegrationTests.Observability;
using NewsBot.Pipeline.Poll;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Pipeline;

/// <summary>What an operator reads from /metrics to know whether the poll schedule is kept.</summary>
[Collection(HostCollection.Name)]
public sealed class PollMetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"newsbot-pollmetrics-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private NewsSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _site.Feed.Add("truce-1", "Ceasefire holds overnight", "<p>Quiet night.</p>", _time.GetUtcNow().AddHours(-1));
        _site.Server.Map("same.xml", ctx =>
        {
            ctx.Response.StatusCode = 304;
            return Task.CompletedTask;
        });
        _site.Server.Map("down.xml", ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TempDatabase.Delete(_dbPath);
    }

    [Fact]
    public async Task Metrics_show_how_late_the_schedule_runs_and_count_polls_by_outcome()
    {
        await using var host = await TestHost.StartAsync(_dbPath, new Dictionary<string, string?>(), services => services.AddSingleton<TimeProvider>(_time));
        var scheduler = host.Services.GetServices<IHostedService>().OfType<SourceScheduler>().Single();
        await scheduler.FirstRound.WaitAsync(Wait);
        var now = _time.GetUtcNow().UtcDateTime;
        await using (var db = host.Db())
        {
            db.Sources.AddRange(
                new Source { Name = "Late", Url = _site.Url("same.xml").ToString(), NextPollAt = now.AddMinutes(-10), CreatedAt = now },
                new Source { Name = "Down", Url = _site.Url("down.xml").ToString(), NextPollAt = now, CreatedAt = now },
                new Source { Name = "News", Url = _site.FeedUrl.ToString(), NextPollAt = now, CreatedAt = now },
                new Source { Name = "Paused", Url = _site.Url("paused.xml").ToString(), NextPollAt = now.AddHours(-1), Paused = true, CreatedAt = now });
            await db.SaveChangesAsync();
        }

        var before = await PrometheusScrape.GetAsync(host.BaseAddress);
        Assert.Equal(600, before.Value("newsbot_poll_schedule_lag_seconds")); // the late source; a paused one is not late

        Assert.Equal(3, (await scheduler.RunRoundAsync(CancellationToken.None)).Claimed);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Sources.CountAsync(s => s.LastAttemptAt != null && s.PollClaimedUntil == null) == 3;
        }, Wait, "the three polls are recorded");

        await Eventually.TrueAsync(async () => (await PrometheusScrape.GetAsync(host.BaseAddress)).Value("newsbot_polls_total") == 3, Wait, "the polls are counted");
        var after = await PrometheusScrape.GetAsync(host.BaseAddress);
        Assert.Equal(0, after.Value("newsbot_poll_schedule_lag_seconds"));
        Assert.Equal(1, after.Value("newsbot_polls_total", ("outcome", "changed")));
        Assert.Equal(1, after.Value("newsbot_polls_total", ("outcome", "unchanged")));
        Assert.Equal(1, after.Value("newsbot_polls_total", ("outcome", "failed")));
    }
}
