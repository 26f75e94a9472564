// Story grouping measured through the released program (issue 16): labelled headlines are published
// one by one into per-outlet feeds on a loopback server, NewsBot polls them as it would real sites,
// and the stories it stored are scored against the labels (pairwise precision and recall). What an
// in-process evaluation cannot see shows here: concurrent polls, the feed text as stored, restarts.
// Usage (build NewsBot in Release first: dotnet build -c Release src/NewsBot):
//   bench/NewsBot.StoryEval/fetch-data.sh; dotnet run -c Release --project bench/NewsBot.StoryHostEval -- --limit 600
// Options: --data PATH (.csv: UCI News Aggregator layout; .tsv: tests' stories.tsv), --limit N (the first N
// by time), --order time|shuffle, --seed S, --spread SECONDS (publishing takes this long, 120), --interval
// SECONDS (every feed's poll interval, 10), --provider sqlite|postgres, --instances N, --app PATH, --set Key=Value.
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsBot.LoadTest;
using NewsBot.Storage;
using NewsBot.Storage.Entities;
using NewsBot.StoryHostEval;
using NewsBot.TestKit;

var values = new Dictionary<string, string>(StringComparer.Ordinal);
var settings = new List<(string Key, string Value)>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--set") settings.Add((args[i + 1][..args[i + 1].IndexOf('=', StringComparison.Ordinal)], args[i + 1][(args[i + 1].IndexOf('=', StringComparison.Ordinal) + 1)..]));
    else values[args[i].TrimStart('-')] = args[i + 1];
}
string Get(string key, string fallback) => values.TryGetValue(key, out var v) ? v : fallback;
double Number(string key, double fallback) => double.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var dataPath = Get("data", Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../NewsBot.StoryEval/data/uci-news-aggregator-first-6366.csv")));
var all = dataPath.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? LabelledHeadline.ReadTsv(dataPath) : LabelledHeadline.ReadUci(dataPath);
var articles = all.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).Take((int)Number("limit", all.Count)).ToList();
var order = Get("order", "time");
var seed = (int)Number("seed", 1);
if (order == "shuffle") articles = articles.Shuffled(seed);
var spread = TimeSpan.FromSeconds(Number("spread", 120));
var interval = TimeSpan.FromSeconds(Number("interval", 10));
var provider = Get("provider", "sqlite");
var instances = (int)Number("instances", 1);
var app = Get("app", Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/NewsBot/bin/Release/net10.0/NewsBot.dll")));
Console.WriteLine($"{articles.Count} articles, {articles.Select(a => a.Event).Distinct().Count()} events, {articles.Select(a => a.Outlet).Distinct().Count()} outlets from {Path.GetFileName(dataPath)}; " +
    $"order {order}{(order == "shuffle" ? $" (seed {seed})" : "")}, published over {spread.TotalSeconds:0} s, polled every {interval.TotalSeconds:0} s, {provider} × {instances}");

var workDir = Directory.CreateTempSubdirectory("newsbot-storyeval-").FullName;
await using var feeds = await HeadlineFeeds.StartAsync(articles.Select(a => a.Outlet));
PostgresServer? postgres = null;
string connectionString;
DatabaseProvider databaseProvider;
if (provider == "postgres")
{
    postgres = await PostgresServer.StartAsync(durable: false);
    connectionString = await postgres.CreateDatabaseAsync();
    databaseProvider = DatabaseProvider.Postgres;
}
else
{
    connectionString = $"Data Source={Path.Combine(workDir, "newsbot.db")}";
    databaseProvider = DatabaseProvider.Sqlite;
}
var factory = new NewsBotDbContextFactory(databaseProvider, connectionString, Environment.CurrentDirectory);
await factory.MigrateAsync(CancellationToken.None);
await using (var db = factory.CreateDbContext())
{
    // First fetch already done: every published item is news, as it would be for a feed added yesterday.
    var now = DateTime.UtcNow;
    foreach (var outlet in feeds.Outlets.Keys)
        db.Sources.Add(new Source { Name = outlet, Url = feeds.Url(outlet), PollInterval = interval, NextPollAt = now, CreatedAt = now, FirstFetchDone = true });
    await db.SaveChangesAsync();
}

var environment = new Dictionary<string, string>
{
    ["NewsBot__Database__Provider"] = databaseProvider.ToString(),
    ["NewsBot__Database__ConnectionString"] = connectionString,
    ["NewsBot__Sources__AllowPrivateAddresses"] = "true",
    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
};
foreach (var (key, value) in settings) environment["NewsBot__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
var processes = new List<NewsBotProcess>();
try
{
    for (var i = 0; i < instances; i++) processes.Add(NewsBotProcess.Start(app, environment, Path.Combine(workDir, $"newsbot-{i}.log")));
    await Task.Delay(TimeSpan.FromSeconds(5)); // started and polling the (empty) feeds
    var clock = Stopwatch.StartNew();
    for (var k = 0; k < articles.Count; k++)
    {
        var due = spread * k / articles.Count;
        if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
        feeds.Publish(articles[k]);
    }
    Console.WriteLine($"published {articles.Count} in {clock.Elapsed.TotalSeconds:0} s; waiting for NewsBot to store them");

    var byLink = articles.ToDictionary(feeds.Link, StringComparer.Ordinal);
    List<(string Link, long? Story)> stored = [];
    var deadline = clock.Elapsed + interval * 6 + TimeSpan.FromSeconds(60);
    while (clock.Elapsed < deadline)
    {
        await using var db = factory.CreateDbContext();
        stored = (await db.Articles.AsNoTracking().Where(a => a.Link != null).Select(a => new { a.Link, a.StoryId }).ToListAsync())
            .Where(a => byLink.ContainsKey(a.Link!)).Select(a => (a.Link!, a.StoryId)).ToList();
        if (stored.Count >= articles.Count) break;
        if (processes.Any(p => p.HasExited)) throw new InvalidOperationException($"a NewsBot instance exited; see {workDir}");
        await Task.Delay(2000);
    }
    var merged = await StoryMerges.ReadAsync(factory);
    var items = stored.Select(s => (byLink[s.Link].Event, Group: s.Story is { } id ? "s" + StoryMerges.Resolve(merged, id).ToString(CultureInfo.InvariantCulture) : "a" + s.Link)).ToList();
    var score = PairwiseScore.Of(items);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"stored {stored.Count} of {articles.Count}; {items.Select(i => i.Group).Distinct().Count()} stories for {items.Select(i => i.Event).Distinct().Count()} events; " +
        $"pairwise precision {score.Precision:0.000}, recall {score.Recall:0.000}, F1 {score.F1:0.000} ({score.PredictedPairs} predicted pairs, {score.TruePairs} true pairs)"));
    Report.Worst(items.Select((item, i) => (item.Event, item.Group, byLink[stored[i].Link])).ToList());
}
finally
{
    foreach (var process in processes) await process.DisposeAsync();
    if (postgres is not null) await postgres.DisposeAsync();
    Console.WriteLine($"logs and database in {workDir}");
}
