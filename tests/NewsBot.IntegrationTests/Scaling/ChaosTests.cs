using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsBot.IntegrationTests.Infrastructure;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.IntegrationTests.Scaling;

/// <summary>
/// Three NewsBot processes on one PostgreSQL database, 200 feeds, 2,000 Telegram chats; the instance
/// leading Telegram is killed with SIGKILL while alerts are going out and new articles arrive, and
/// is restarted later. Nothing may be lost, and only what was in flight at the kill may be doubled.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ChaosTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The sender's global pace (NewsBot:Telegram:Pacing:MessagesPerSecond, default 28; the fake allows 30).</summary>
    private const double ConfiguredRate = 28;
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Reading the 200 empty feeds is set-up, not what is tested: it took 12–14 s here under a load of
    /// 14, yet twice overran 60 s in CI. If it overruns this too, the test says where the feeds stand.
    /// </summary>
    private static readonly TimeSpan BacklogWait = TimeSpan.FromSeconds(150);

    private ChaosWorld _world = null!;
    private readonly List<NewsBotProcess> _processes = [];
    private readonly List<string> _workDirs = [];

    public async Task InitializeAsync() => _world = await ChaosWorld.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var process in _processes) process.Dispose();
        foreach (var dir in _workDirs) Directory.Delete(dir, recursive: true);
        await _world.DisposeAsync();
    }

    private NewsBotProcess StartInstance()
    {
        var dir = Directory.CreateTempSubdirectory("newsbot-chaos-").FullName;
        _workDirs.Add(dir);
        var process = NewsBotProcess.Start(dir,
            "--urls=http://127.0.0.1:0",
            "--NewsBot:Database:Provider=Postgres",
            $"--NewsBot:Database:ConnectionString={_world.ConnectionString}",
            "--NewsBot:Sources:AllowPrivateAddresses=true",
            $"--NewsBot:Telegram:BotToken={_world.Telegram.Token}",
            $"--NewsBot:Telegram:ApiBaseUrl={_world.Telegram.BaseUrl}",
            "--NewsBot:Telegram:PollTimeoutSeconds=1",
            $"--NewsBot:Delivery:ClaimLease={ClaimLease}",
            "--NewsBot:Scaling:RetryInterval=00:00:02",
            "--Logging:Console:FormatterName=simple",
            "--Logging:Console:FormatterOptions:SingleLine=true",
            "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
            "--Logging:Console:FormatterOptions:UseUtcTimestamp=true",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:NewsBot.Scaling=Information");
        _processes.Add(process);
        return process;
    }

    private static bool Leads(NewsBotProcess p) => !p.HasExited && p.StandardOutput.Contains("Leading telegram");

    private NewsBotDbContext Db() =>
        new NewsBotDbContextFactory(DatabaseProvider.Postgres, _world.ConnectionString, Directory.GetCurrentDirectory()).CreateDbContext();

    [Fact]
    public async Task Killing_the_telegram_leader_mid_burst_loses_no_alert_and_doubles_at_most_those_in_flight()
    {
        var total = Stopwatch.StartNew();
        var first = StartInstance();
        await Eventually.TrueAsync(() => Leads(first) || first.HasExited, Wait, "the first instance leads Telegram");
        Assert.False(first.HasExited, first.StandardError);
        StartInstance();
        StartInstance();
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                await using var db = Db();
                return await db.Sources.CountAsync(s => s.FirstFetchDone) == ChaosWorld.Sources;
            }, BacklogWait, "every feed's backlog is recorded");
        }
        catch
        {
            await DescribeUnreadSourcesAsync();
            throw;
        }
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} backlog recorded after {total.Elapsed.TotalSeconds:0.0} s");
        Assert.Single(_processes, Leads);

        // Burst 1, then SIGKILL the leader once it is sending.
        _world.Publish(Enumerable.Range(0, 10));
        await Eventually.TrueAsync(() => _world.DeliveredAlerts().Count >= 60, Wait, "the leader is sending the first burst");
        var leader = Assert.Single(_processes, Leads);
        var killedAt = Stopwatch.StartNew();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} SIGKILL to the Telegram leader (pid {leader.Id})");
        leader.Dispose(); // Process.Kill: SIGKILL, no shutdown code runs
        _processes.Remove(leader);
        int inFlight;
        await using (var db = Db())
        {
            var now = DateTime.UtcNow;
            inFlight = await db.Alerts.CountAsync(a => a.Status == AlertStatus.Pending && a.ClaimedUntil != null && a.ClaimedUntil > now);
        }
        var sentBeforeKill = _world.DeliveredAlerts().Values.Sum();

        // Burst 2 arrives while the leader is dead.
        _world.Publish(Enumerable.Range(10, 10));
        await Eventually.TrueAsync(() => _processes.Any(Leads), TimeSpan.FromSeconds(30), "a surviving instance takes over Telegram");
        var takeover = killedAt.Elapsed;
        await Eventually.TrueAsync(() => _world.DeliveredAlerts().Values.Sum() > sentBeforeKill + inFlight, Wait, "the new leader sends");
        var firstSendAfterKill = killedAt.Elapsed;

        // The dead instance comes back; burst 3.
        var restarted = StartInstance();
        _world.Publish(Enumerable.Range(20, 10));
        var expected = _world.ExpectedAlerts();
        try
        {
            await Eventually.TrueAsync(() => expected.All(_world.DeliveredAlerts().ContainsKey), TimeSpan.FromSeconds(90), "every alert is delivered");
            await Eventually.TrueAsync(async () =>
            {
                await using var db = Db();
                return !await db.Alerts.AnyAsync(a => a.Status != AlertStatus.Sent);
            }, Wait, "every alert is recorded as sent");
        }
        catch
        {
            await DescribeWhatIsMissingAsync(expected);
            throw;
        }

        var delivered = _world.DeliveredAlerts();
        var lost = expected.Count(e => !delivered.ContainsKey(e));
        var duplicates = delivered.Values.Sum(n => n - 1);
        var sends = _world.Telegram.SentMessages.Select(m => m.At).Order().ToList();
        var peak = PeakRate(sends, TimeSpan.FromSeconds(5));
        var average = sends.Count / (sends[^1] - sends[0]).TotalSeconds;
        await using (var db = Db()) Assert.Equal(expected.Count, await db.Alerts.CountAsync(a => a.Chat!.Platform == "telegram"));

        output.WriteLine($"instances: 3 processes, {ChaosWorld.Sources} feeds, {ChaosWorld.Chats} chats, claim lease {ClaimLease.TotalSeconds:0} s");
        output.WriteLine($"alerts expected {expected.Count}, delivered {delivered.Count}, lost {lost}, duplicated {duplicates} (in flight at the kill: {inFlight})");
        output.WriteLine($"kill -> new Telegram leader {takeover.TotalSeconds:0.0} s; kill -> first send by it {firstSendAfterKill.TotalSeconds:0.0} s");
        output.WriteLine($"send rate: peak {peak:0.0}/s over 5 s, average {average:0.0}/s from first to last send; configured {ConfiguredRate}/s; 429 answers {_world.Telegram.TooManyRequestsCount}");
        foreach (var p in _processes)
            foreach (var line in p.StandardOutput.Split('\n').Where(l => l.Contains("Leading") || l.Contains("lease")))
                output.WriteLine($"pid {p.Id}: {line.Trim()}");
        output.WriteLine($"restarted instance leads: {Leads(restarted)}; whole test {total.Elapsed.TotalSeconds:0} s");

        Assert.Equal(0, lost);
        Assert.InRange(duplicates, 0, inFlight);
        Assert.InRange(takeover, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.InRange(peak, 0, ConfiguredRate * 1.1); // rate limits hold across instances: one sender per bot
        Assert.False(Leads(restarted)); // the survivor keeps the lease; no flapping back
    }

    /// <summary>On a timeout: where the undelivered alerts stand (not stored, pending, claimed, retrying) and what the instances logged.</summary>
    private async Task DescribeWhatIsMissingAsync(HashSet<(long Chat, int Topic)> expected)
    {
        var delivered = _world.DeliveredAlerts();
        var missingTopics = expected.Where(e => !delivered.ContainsKey(e)).GroupBy(e => e.Topic).OrderBy(g => g.Key).ToList();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} undelivered: {string.Join(", ", missingTopics.Select(g => $"topic {g.Key} x{g.Count()}"))}");
        await using var db = Db();
        var now = DateTime.UtcNow;
        foreach (var topic in missingTopics.Select(g => g.Key))
        {
            var url = _world.Site.Url($"feed/{topic * 7 % ChaosWorld.Sources}.xml").ToString();
            var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Url == url);
            var articles = await db.Articles.CountAsync(a => a.Title.Contains(ChaosWorld.Keyword(topic)));
            output.WriteLine($"  topic {topic}: source {source.Id} next poll {source.NextPollAt:HH:mm:ss.fff}, claimed until {source.PollClaimedUntil:HH:mm:ss.fff}, "
                             + $"last attempt {source.LastAttemptAt:HH:mm:ss.fff}, error {source.LastError ?? "none"}; articles stored {articles}");
        }
        var unsent = await db.Alerts.AsNoTracking().Where(a => a.Status != AlertStatus.Sent).OrderBy(a => a.Id).Take(2000).ToListAsync();
        foreach (var g in unsent.GroupBy(a => (a.Status, a.Attempts, a.LastError, Claimed: a.ClaimedUntil > now, Due: a.NextAttemptAt <= now)))
            output.WriteLine($"  {g.Count()} alerts {g.Key.Status}, attempts {g.Key.Attempts}, claimed {g.Key.Claimed}, due {g.Key.Due}, last error {g.Key.LastError ?? "none"}");
        output.WriteLine($"  fake Telegram: {_world.Telegram.SentMessages.Count} messages, {_world.Telegram.TooManyRequestsCount} answers 429");
        foreach (var p in _processes)
            output.WriteLine($"pid {p.Id} (exited {p.HasExited}):\n{p.StandardOutput}\n{p.StandardError}");
    }

    /// <summary>On a timeout before the first burst: where the feeds not yet read stand, and what the instances logged.</summary>
    private async Task DescribeUnreadSourcesAsync()
    {
        await using var db = Db();
        var now = DateTime.UtcNow;
        var unread = await db.Sources.AsNoTracking().Where(s => !s.FirstFetchDone).ToListAsync();
        output.WriteLine($"{now:HH:mm:ss.fff} {unread.Count} of {ChaosWorld.Sources} feeds not read yet");
        foreach (var g in unread.GroupBy(s => (s.ConsecutiveFailures, s.LastError, Claimed: s.PollClaimedUntil > now, Due: s.NextPollAt <= now)))
            output.WriteLine($"  {g.Count()} feeds: failures {g.Key.ConsecutiveFailures}, claimed {g.Key.Claimed}, due {g.Key.Due}, "
                             + $"next poll {g.Min(s => s.NextPollAt):HH:mm:ss.fff}, last attempt {g.Max(s => s.LastAttemptAt):HH:mm:ss.fff}, error {g.Key.LastError ?? "none"}");
        foreach (var p in _processes)
            output.WriteLine($"pid {p.Id} (exited {p.HasExited}):\n{p.StandardOutput}\n{p.StandardError}");
    }

    /// <summary>Highest number of sends per second in any window of the given width.</summary>
    private static double PeakRate(List<DateTimeOffset> sends, TimeSpan window)
    {
        var peak = 0;
        for (int start = 0, end = 0; end < sends.Count; end++)
        {
            while (sends[end] - sends[start] > window) start++;
            peak = Math.Max(peak, end - start + 1);
        }
        return peak / window.TotalSeconds;
    }
}
