// Whole-host load harness (issue 15): the released NewsBot against a local site farm of N feeds.
// Usage (build NewsBot in Release first: dotnet build -c Release src/NewsBot):
//   dotnet run -c Release --project bench/NewsBot.LoadTest -- --feeds 10000 --interval 30 [--provider postgres --instances 2]
// Options: --feeds N, --interval SECONDS (poll interval of every source), --changing FRACTION (of feeds
// getting a new item per interval, 0.05), --warmup S and --measure S (after the cold start), --alerts-per-second R
// (marker items that alert, 0.1), --chats N (private Telegram chats the markers are spread over, 10: one chat gets at
// most one message a second, Telegram's rule, so one busy chat would measure its pacing, not the pipeline),
// --app PATH (NewsBot.dll), --coldstart-limit S, --set Key=Value (more settings).
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NewsBot.LoadTest;
using NewsBot.Storage;
using NewsBot.TestKit;
using NewsBot.TestKit.Telegram;

var options = LoadOptions.Parse(args);
var workDir = Directory.CreateTempSubdirectory("newsbot-load-").FullName;
var newItemsPerSecond = options.Feeds * options.Changing / options.Interval.TotalSeconds;
var markerEvery = Math.Max(1, (int)Math.Round(newItemsPerSecond / options.AlertsPerSecond));
Console.WriteLine($"NewsBot load: {options.Feeds:N0} feeds × {FeedFarm.ItemsPerFeed} items every {options.Interval.TotalSeconds:0} s " +
    $"({options.Feeds / options.Interval.TotalSeconds:0.#} polls/s wanted), {options.Changing:P0} changing per interval, " +
    $"{options.Provider} × {options.Instances} instance(s), app {options.App}");

await using var farm = await FeedFarm.StartAsync(options.Feeds, markerEvery, options.Chats);
await using var telegram = await FakeBotApiServer.StartAsync();
PostgresServer? postgres = null;
string connectionString;
DatabaseProvider provider;
if (options.Provider == "postgres")
{
    postgres = await PostgresServer.StartAsync(durable: true);
    connectionString = await postgres.CreateDatabaseAsync();
    provider = DatabaseProvider.Postgres;
}
else
{
    connectionString = $"Data Source={Path.Combine(workDir, "newsbot.db")}";
    provider = DatabaseProvider.Sqlite;
}
var seedClock = Stopwatch.StartNew();
await Seeder.SeedAsync(provider, connectionString, farm, options.Interval);
Console.WriteLine($"seeded {options.Feeds:N0} sources in {seedClock.Elapsed.TotalSeconds:0} s; starting NewsBot");

var environment = new Dictionary<string, string>
{
    ["NewsBot__Database__Provider"] = provider.ToString(),
    ["NewsBot__Database__ConnectionString"] = connectionString,
    ["NewsBot__Sources__AllowPrivateAddresses"] = "true",
    ["NewsBot__Telegram__BotToken"] = telegram.Token,
    ["NewsBot__Telegram__ApiBaseUrl"] = telegram.BaseUrl,
    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
};
foreach (var (key, value) in options.Settings) environment["NewsBot__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
var instances = new List<NewsBotProcess>();
for (var i = 0; i < options.Instances; i++)
    instances.Add(NewsBotProcess.Start(options.App, environment, Path.Combine(workDir, $"newsbot-{i}.log")));
Console.WriteLine($"logs and database in {workDir}");

try
{
    var clock = Stopwatch.StartNew();
    var peakRss = new double[instances.Count];
    void Sample()
    {
        for (var i = 0; i < instances.Count; i++)
        {
            if (instances[i].HasExited) throw new InvalidOperationException($"NewsBot instance {i} exited; see {workDir}/newsbot-{i}.log");
            peakRss[i] = Math.Max(peakRss[i], ProcessStats.MemoryMb(instances[i].Pid).Rss);
        }
    }

    // Cold start: every source is new and due now.
    while (farm.SeenFeeds < options.Feeds && clock.Elapsed < options.ColdStartLimit)
    {
        await Task.Delay(1000);
        Sample();
        if ((int)clock.Elapsed.TotalSeconds % 15 == 0) Console.WriteLine($"  cold start: {farm.SeenFeeds:N0} of {options.Feeds:N0} feeds read after {clock.Elapsed.TotalSeconds:0} s");
    }
    var coldStart = clock.Elapsed;
    var coldPeak = instances.Select(p => ProcessStats.MemoryMb(p.Pid).Peak).ToArray();
    Console.WriteLine($"cold start: {farm.SeenFeeds:N0} of {options.Feeds:N0} feeds read in {coldStart.TotalSeconds:0} s ({farm.SeenFeeds / coldStart.TotalSeconds:0} feeds/s), peak RSS {string.Join(" + ", coldPeak.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} MB");

    // Steady state: a share of the feeds gets a new item, spread evenly over time.
    using var stop = new CancellationTokenSource();
    var publishing = Task.Run(async () =>
    {
        var owed = 0.0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await tick.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
        {
            owed += newItemsPerSecond / 10;
            for (; owed >= 1; owed--) farm.Publish(Random.Shared.Next(options.Feeds));
        }
    });
    await Task.Delay(options.Warmup);
    Array.Clear(peakRss);
    var startRequests = farm.Requests;
    var start200 = farm.Served200;
    var startCpu = instances.Select(p => ProcessStats.CpuSeconds(p.Pid)).ToArray();
    var startPgCpu = postgres?.PostmasterPid is { } pm0 ? ProcessStats.PostgresCpuSeconds(pm0) : 0;
    var window = Stopwatch.StartNew();
    var measureStartTicks = Stopwatch.GetTimestamp();
    while (window.Elapsed < options.Measure)
    {
        await Task.Delay(1000);
        Sample();
    }
    var seconds = window.Elapsed.TotalSeconds;
    var polls = farm.Requests - startRequests;
    var changed = farm.Served200 - start200;
    var cpu = instances.Select((p, i) => ProcessStats.CpuSeconds(p.Pid) - startCpu[i]).ToArray();
    var pgCpu = postgres?.PostmasterPid is { } pm1 ? ProcessStats.PostgresCpuSeconds(pm1) - startPgCpu : 0;
    var measureEndTicks = Stopwatch.GetTimestamp();
    await stop.CancelAsync();
    try { await publishing; } catch (OperationCanceledException) { }
    await Task.Delay(TimeSpan.FromSeconds(10)); // alerts of the last fetches still on their way

    // Alert latency for marker items first fetched inside the measurement window.
    var sent = new Dictionary<(int, int), long>();
    foreach (var message in telegram.SentMessages)
    {
        var m = Regex.Match(message.Text, @"zm(\d+)x(\d+)");
        if (!m.Success) continue;
        var key = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        var at = Stopwatch.GetTimestamp() - (long)((DateTimeOffset.UtcNow - message.At).TotalSeconds * Stopwatch.Frequency);
        sent.TryAdd(key, at);
    }
    var fetchedInWindow = farm.FirstServed.Where(kv => kv.Value >= measureStartTicks && kv.Value <= measureEndTicks).ToList();
    var fetchToSent = fetchedInWindow.Where(kv => sent.ContainsKey(kv.Key)).Select(kv => Seconds(sent[kv.Key] - kv.Value)).Order().ToList();
    var changeToSent = fetchedInWindow.Where(kv => sent.ContainsKey(kv.Key) && farm.Published.ContainsKey(kv.Key))
        .Select(kv => Seconds(sent[kv.Key] - farm.Published[kv.Key])).Order().ToList();

    var wanted = options.Feeds / options.Interval.TotalSeconds;
    var totalCpu = cpu.Sum();
    Console.WriteLine();
    Console.WriteLine("| feeds | interval | provider | polls/s wanted | polls/s done | 200s/s | CPU s per 1,000 polls (NewsBot + PostgreSQL) | peak RSS steady (MB) | peak RSS cold start (MB) | cold start (s) | fetched → alert p50 / p90 (n) | published → alert p50 / p90 |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {options.Feeds:N0} | {options.Interval.TotalSeconds:0} s | {options.Provider} ×{options.Instances} | {wanted:0} | {polls / seconds:0} | {changed / seconds:0.0} | " +
        $"{1000 * totalCpu / Math.Max(1, polls):0.00}{(postgres is null ? "" : $" + {1000 * pgCpu / Math.Max(1, polls):0.00}")} | " +
        $"{string.Join(" + ", peakRss.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} | {string.Join(" + ", coldPeak.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} | " +
        $"{coldStart.TotalSeconds:0}{(farm.SeenFeeds < options.Feeds ? $" (only {farm.SeenFeeds:N0} read)" : "")} | " +
        $"{Percentile(fetchToSent, 0.5):0.00} / {Percentile(fetchToSent, 0.9):0.00} s ({fetchToSent.Count} of {fetchedInWindow.Count}) | {Percentile(changeToSent, 0.5):0} / {Percentile(changeToSent, 0.9):0} s |"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"measured {seconds:0} s after a {options.Warmup.TotalSeconds:0} s warm-up; NewsBot CPU {totalCpu:0.0} s ({totalCpu / seconds:P0} of one core), PostgreSQL CPU {pgCpu:0.0} s; machine has {Environment.ProcessorCount} cores"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"fetched → alert over {options.Chats} chat(s): p10 {Percentile(fetchToSent, 0.1):0.00}, p25 {Percentile(fetchToSent, 0.25):0.00}, p50 {Percentile(fetchToSent, 0.5):0.00}, p75 {Percentile(fetchToSent, 0.75):0.00}, p90 {Percentile(fetchToSent, 0.9):0.00}, p99 {Percentile(fetchToSent, 0.99):0.00}, max {(fetchToSent.Count == 0 ? double.NaN : fetchToSent[^1]):0.00} s"));
    if (fetchedInWindow.Count > fetchToSent.Count) Console.WriteLine($"{fetchedInWindow.Count - fetchToSent.Count} marker alerts fetched in the window were not sent within 10 s of its end");
}
finally
{
    foreach (var instance in instances) await instance.DisposeAsync();
    if (postgres is not null) await postgres.DisposeAsync();
}
return;

static double Seconds(long stopwatchTicks) => stopwatchTicks / (double)Stopwatch.Frequency;

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * sorted.Count))];
