using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Configuration;
using NewsBot.Observability;
using NewsBot.Pipeline.Poll;
using NewsBot.Sources.Fetching;
using NewsBot.Sources.Reading;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Poll;

public sealed class PollResultWriterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<NewsBotMetrics>().BuildServiceProvider();
    private FileTestDatabase _database = null!;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _database = await FileTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _services.DisposeAsync();
    }

    private PollResultWriter Writer() => new(_database.Factory, _time, _services.GetRequiredService<NewsBotMetrics>(),
        new NewsBot.Pipeline.Push.PushPolling(Options.Create(new SourcesOptions()), Options.Create(new NewsBot.Configuration.WebSubOptions())),
        NullLogger<PollResultWriter>.Instance);

    private async Task<long> AddClaimedAsync(string name, int failures = 0)
    {
        await using var db = _database.Open();
        var source = new Source
        {
            Name = name, Url = $"https://{name}.example/feed.xml", ETag = "\"v1\"", PollInterval = TimeSpan.FromMinutes(5), NextPollAt = Now,
            PollClaimedUntil = Now + SourceClaims.RunningLease, ConsecutiveFailures = failures, FailingSince = failures > 0 ? Now.AddHours(-1) : null,
            LastError = failures > 0 ? "HTTP 503" : null, CreatedAt = Now,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }

    private async Task<Source> SourceAsync(long id)
    {
        await using var db = _database.Open();
        return await db.Sources.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private static FeedRead.Unchanged NotModified(string? etag = null) => new FeedRead.Unchanged(new FetchResult.NotModified(etag, null, null));

    [Fact]
    public async Task While_the_database_does_not_keep_up_polls_wait_for_room_in_the_queue_instead_of_piling_up_results()
    {
        using var writer = Writer(); // not started yet: nothing is written, as when the database stalls
        for (var i = 0; i < PollResultWriter.MaxQueued; i++)
            Assert.True(writer.AddAsync(1000 + i, NotModified(), CancellationToken.None).AsTask().IsCompletedSuccessfully);
        var waiting = writer.AddAsync(1, NotModified(), CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        await writer.StartAsync(CancellationToken.None);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_poll_waiting_for_room_is_cancelled_when_its_poll_is()
    {
        using var writer = Writer();
        for (var i = 0; i < PollResultWriter.MaxQueued; i++) await writer.AddAsync(1000 + i, NotModified(), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var waiting = writer.AddAsync(1, NotModified(), stop.Token).AsTask();

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_batch_records_health_validators_and_next_poll_of_each_source_and_releases_their_claims()
    {
        var recovering = await AddClaimedAsync("recovering", failures: 3);
        var failing = await AddClaimedAsync("failing", failures: 1);
        var failingSince = (await SourceAsync(failing)).FailingSince;

        await Writer().WriteAsync([(recovering, NotModified("\"v2\"")), (failing, new FeedRead.Unreadable("HTTP 500", null))], CancellationToken.None);

        var ok = await SourceAsync(recovering);
        Assert.Equal((0, null, null, "\"v2\"", Now, Now, null), (ok.ConsecutiveFailures, ok.FailingSince, ok.LastError, ok.ETag, ok.LastSuccessAt, ok.LastAttemptAt, ok.PollClaimedUntil));
        Assert.Equal(PollSchedule.NextOnPhase(_time.GetUtcNow(), TimeSpan.FromMinutes(5), recovering, null).UtcDateTime, ok.NextPollAt); // on its phase
        var bad = await SourceAsync(failing);
        Assert.Equal((2, failingSince, "HTTP 500", "\"v1\"", Now, null), (bad.ConsecutiveFailures, bad.FailingSince, bad.LastError, bad.ETag, bad.LastAttemptAt, bad.PollClaimedUntil));
        Assert.True(bad.NextPollAt > Now);
    }

    [Fact]
    public async Task A_batch_with_a_row_the_database_refuses_still_records_the_others()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await AddClaimedAsync($"s{i}"));
        var refused = ids[2];
        await using (var db = _database.Open())
        {
            // A real refusal by the database, for one row only (a trigger takes no parameters).
            // The id is a number we made, not input.
            var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "CREATE TRIGGER refuse_one BEFORE UPDATE ON \"Sources\" WHEN NEW.\"Id\" = {0} BEGIN SELECT RAISE(ABORT, 'refused'); END;", refused);
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await Writer().WriteAsync(ids.Select(id => (id, (FeedRead)NotModified())).ToList(), CancellationToken.None);

        foreach (var id in ids.Where(id => id != refused))
        {
            var source = await SourceAsync(id);
            Assert.Equal((Now, (DateTime?)null), (source.LastSuccessAt!.Value, source.PollClaimedUntil));
        }
        Assert.Null((await SourceAsync(refused)).LastSuccessAt); // its claim lapses and it is polled again
    }

    [Fact]
    public async Task A_source_removed_while_it_was_polled_is_skipped()
    {
        var kept = await AddClaimedAsync("kept");
        var removed = await AddClaimedAsync("removed");
        await using (var db = _database.Open()) await db.Sources.Where(s => s.Id == removed).ExecuteDeleteAsync();

        await Writer().WriteAsync([(kept, NotModified()), (removed, NotModified())], CancellationToken.None);

        Assert.Equal(Now, (await SourceAsync(kept)).LastSuccessAt);
    }
}
