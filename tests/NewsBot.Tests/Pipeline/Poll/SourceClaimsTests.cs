using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Pipeline.Poll;
using NewsBot.Storage.Entities;
using NewsBot.Tests.Infrastructure;

namespace NewsBot.Tests.Pipeline.Poll;

public sealed class SourceClaimsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private FileTestDatabase _database = null!;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _database = await FileTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<long> AddAsync(string name, TimeSpan dueAgo, bool paused = false, DateTime? claimedUntil = null)
    {
        await using var db = _database.Open();
        var source = new Source
        {
            Name = name, Url = $"https://{name}.example/feed.xml", ETag = $"\"{name}\"", LastModified = "Sun, 01 Mar 2026 09:00:00 GMT",
            NextPollAt = Now - dueAgo, Paused = paused, PollClaimedUntil = claimedUntil, CreatedAt = Now,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }

    [Fact]
    public async Task A_claim_takes_at_most_the_free_slots_longest_overdue_first_with_what_the_fetch_needs()
    {
        await AddAsync("recent", TimeSpan.FromSeconds(1));
        var oldest = await AddAsync("oldest", TimeSpan.FromMinutes(10));
        var older = await AddAsync("older", TimeSpan.FromMinutes(5));

        var claimed = await new SourceClaims(_database.Factory, _time).ClaimDueAsync(2, CancellationToken.None);

        Assert.Equal([oldest, older], claimed.Select(c => c.Id).Order());
        var first = claimed.Single(c => c.Id == oldest);
        Assert.Equal(("https://oldest.example/feed.xml", "\"oldest\"", "Sun, 01 Mar 2026 09:00:00 GMT"), (first.Url, first.ETag, first.LastModified));
        await using var db = _database.Open();
        var held = await db.Sources.Where(s => s.PollClaimedUntil != null).Select(s => new { s.Id, s.PollClaimedUntil }).ToListAsync();
        Assert.Equal([oldest, older], held.Select(h => h.Id).Order());
        Assert.All(held, h => Assert.Equal(Now + SourceClaims.RunningLease, h.PollClaimedUntil));
    }

    [Fact]
    public async Task Paused_not_yet_due_and_claimed_sources_are_not_claimed_but_a_lapsed_claim_is()
    {
        await AddAsync("paused", TimeSpan.FromMinutes(1), paused: true);
        await AddAsync("later", -TimeSpan.FromMinutes(1));
        await AddAsync("held", TimeSpan.FromMinutes(1), claimedUntil: Now + TimeSpan.FromSeconds(30));
        var lapsed = await AddAsync("lapsed", TimeSpan.FromMinutes(1), claimedUntil: Now - TimeSpan.FromSeconds(1));

        var claimed = await new SourceClaims(_database.Factory, _time).ClaimDueAsync(10, CancellationToken.None);

        Assert.Equal([lapsed], claimed.Select(c => c.Id));
    }

    [Fact]
    public async Task Two_schedulers_claiming_at_once_on_one_database_never_claim_the_same_source()
    {
        var claimers = new[] { new SourceClaims(_database.Factory, _time), new SourceClaims(_database.OtherInstance(), _time) };
        // Each claimer's first claim opens its connection and builds EF's query, which takes longer than
        // the other's whole run of claims (one claimer took all 300 once in CI): warm both on the empty
        // table first, then release them together.
        foreach (var claimer in claimers) Assert.Empty(await claimer.ClaimDueAsync(1, CancellationToken.None));
        for (var i = 0; i < 300; i++) await AddAsync($"s{i}", TimeSpan.FromSeconds(i));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = claimers.Select(c => Task.Run(async () =>
        {
            await start.Task;
            var mine = new List<long>();
            while (true)
            {
                var batch = await c.ClaimDueAsync(3, CancellationToken.None);
                if (batch.Count == 0) return mine;
                mine.AddRange(batch.Select(b => b.Id));
            }
        })).ToList();
        start.SetResult();
        var taken = await Task.WhenAll(runs);

        Assert.Equal(300, taken[0].Count + taken[1].Count);
        Assert.Empty(taken[0].Intersect(taken[1]));
    }

    [Fact]
    public async Task Two_schedulers_taking_turns_each_see_the_others_claims()
    {
        for (var i = 0; i < 30; i++) await AddAsync($"s{i}", TimeSpan.FromSeconds(i));
        var claimers = new[] { new SourceClaims(_database.Factory, _time), new SourceClaims(_database.OtherInstance(), _time) };

        var taken = new[] { new List<long>(), new List<long>() };
        for (var turn = 0; turn < 10; turn++)
            taken[turn % 2].AddRange((await claimers[turn % 2].ClaimDueAsync(3, CancellationToken.None)).Select(c => c.Id));

        Assert.Equal(15, taken[0].Count);
        Assert.Equal(15, taken[1].Count);
        Assert.Empty(taken[0].Intersect(taken[1]));
        Assert.Empty(await claimers[0].ClaimDueAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Renewing_extends_only_the_claims_still_held()
    {
        var running = await AddAsync("running", TimeSpan.FromMinutes(1));
        var recorded = await AddAsync("recorded", TimeSpan.FromMinutes(1));
        var claims = new SourceClaims(_database.Factory, _time);
        await claims.ClaimDueAsync(2, CancellationToken.None);
        await using (var db = _database.Open())
            await db.Sources.Where(s => s.Id == recorded).ExecuteUpdateAsync(u => u.SetProperty(s => s.PollClaimedUntil, (DateTime?)null));

        _time.Advance(TimeSpan.FromSeconds(30));
        await claims.RenewAsync([running, recorded], CancellationToken.None);

        await using var check = _database.Open();
        Assert.Equal(Now + SourceClaims.RunningLease, (await check.Sources.SingleAsync(s => s.Id == running)).PollClaimedUntil);
        Assert.Null((await check.Sources.SingleAsync(s => s.Id == recorded)).PollClaimedUntil);
    }
}
