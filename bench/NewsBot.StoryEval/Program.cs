using System.Diagnostics;
using System.Globalization;
using NewsBot.Core.Stories;
using NewsBot.StoryEval;

// Story grouping quality on labelled sets, through the host's code path (HostGrouping), in time
// order and in 5 seeded shuffled orders. See README.md.
// `dotnet run -c Release --project bench/NewsBot.StoryEval [-- data dir] [--examples N]`
var inv = CultureInfo.InvariantCulture;
var root = RepositoryRoot();
var argList = args.ToList();
var examples = TakeOption(argList, "--examples") is { } e ? int.Parse(e, inv) : 3;
var matcher = new StoryMatcher(Tuned(argList));
var only = TakeOption(argList, "--only");
var orderCount = TakeOption(argList, "--orders") is { } o ? int.Parse(o, inv) : 6;
var dataDir = argList.FirstOrDefault() ?? Path.Combine(root, "bench", "NewsBot.StoryEval", "data");

var sets = new List<DataSet> { DataSets.LoadTsv(Path.Combine(root, "tests", "NewsBot.Core.Tests", "testdata", "stories", "stories.tsv")) };
foreach (var csv in Directory.Exists(dataDir) ? Directory.GetFiles(dataDir, "*.csv").Order().ToArray() : [])
{
    var uci = DataSets.LoadUci(csv);
    var half = uci.Articles.Count / 2;
    sets.Add(uci);
    sets.Add(uci.Slice(uci.Name + " (first half, tuning)", 0, half));
    sets.Add(uci.Slice(uci.Name + " (second half, held out)", half, uci.Articles.Count - half));
}
if (sets.Count == 1) Console.WriteLine($"no *.csv in {dataDir}: run bench/NewsBot.StoryEval/fetch-data.sh for the public set");

var clock = Stopwatch.StartNew();
foreach (var set in sets.Where(s => only is null || s.Name.Contains(only, StringComparison.Ordinal)))
{
    Console.WriteLine();
    Console.WriteLine($"== {set.Name}: {set.Articles.Count} articles, {set.Articles.Select(a => a.Event).Distinct().Count()} events");
    foreach (var withLead in set.HasLeads ? new[] { false, true } : [false])
    {
        Console.WriteLine($"  {(withLead ? "headline+lead" : "headline only")}");
        var times = set.Articles.Select(a => a.Time).ToList();
        var all = new List<PairwiseScore>();
        long[]? timeOrder = null;
        foreach (var (name, order) in Orders(set.Articles.Count).Take(orderCount))
        {
            var story = HostGrouping.Run(set.Articles, order, times, withLead, matcher);
            timeOrder ??= story;
            var score = PairwiseScore.Of(set.Articles, story);
            Console.WriteLine(string.Format(inv, "    {0,-10} precision {1:0.000}  recall {2:0.000}  F1 {3:0.000}  stories {4}",
                name, score.Precision, score.Recall, score.F1, story.Distinct().Count()));
            all.Add(score);
        }
        Console.WriteLine(string.Format(inv, "    {0,-10} precision {1:0.000}  recall {2:0.000}  F1 {3:0.000}",
            "minimum", all.Min(s => s.Precision), all.Min(s => s.Recall), all.Min(s => s.F1)));
        Examples.Print(set.Articles, timeOrder!, examples);
    }
}
Console.WriteLine();
Console.WriteLine(string.Format(inv, "done in {0:0.0} s", clock.Elapsed.TotalSeconds));

// Time order, then 5 seeded shuffles: the i-th article to arrive is seen at the i-th time of the
// time order, so the pace of news stays and only which article comes when changes.
static IEnumerable<(string Name, int[] Order)> Orders(int count)
{
    yield return ("time", Enumerable.Range(0, count).ToArray());
    for (var seed = 1; seed <= 5; seed++)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        yield return ($"shuffle {seed}", order);
    }
}

// `--set Threshold=0.4 --set AnchorTerms=2`: try other StoryMatchOptions without rebuilding.
static StoryMatchOptions Tuned(List<string> args)
{
    var options = new StoryMatchOptions();
    while (TakeOption(args, "--set") is { } pair)
    {
        var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
        var property = typeof(StoryMatchOptions).GetProperty(name) ?? throw new ArgumentException($"story eval: no option {name}");
        var copy = options with { };
        property.SetValue(copy, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        options = copy;
        Console.WriteLine($"{name} = {value}");
    }
    return options;
}

static string? TakeOption(List<string> args, string name)
{
    var at = args.IndexOf(name);
    if (at < 0 || at + 1 >= args.Count) return null;
    var value = args[at + 1];
    args.RemoveRange(at, 2);
    return value;
}

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsBot.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException($"story eval: no NewsBot.sln above {AppContext.BaseDirectory}");
}
