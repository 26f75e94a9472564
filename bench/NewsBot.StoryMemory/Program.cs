using System.Diagnostics;
using System.Globalization;
using NewsBot.Core.Stories;

// Bytes per story-index entry and the cost of grouping one article (the host's path: FindStories,
// merge into the oldest, Add) with 10,000 and 100,000 recent articles held.
// `dotnet run -c Release --project bench/NewsBot.StoryMemory`
var matcher = new StoryMatcher();
var inv = CultureInfo.InvariantCulture;

Console.WriteLine("entries held   bytes/entry   MB     group µs/article (last 10,000)   joined");
var costs = new List<double>();
foreach (var n in new[] { 10_000, 100_000 }) costs.Add(Report(n));
Console.WriteLine(string.Format(inv, "cost ratio 100,000 / 10,000 held: {0:0.00}", costs[1] / costs[0]));

var signTime = Stopwatch.StartNew();
var signed = 0;
foreach (var (headline, lead) in Articles(20_000, seed: 3))
{
    matcher.Compute(headline, lead);
    signed++;
}
Console.WriteLine(string.Format(inv, "signing one article (headline + lead): {0:0.0} µs", signTime.Elapsed.TotalMicroseconds / signed));

// Fills an index to n articles (0.5 s apart: nothing leaves the 24-hour window), timing the last
// 10,000 groupings, so both sizes are timed on the same number of articles at a full index.
double Report(int n)
{
    var before = Heap();
    var index = new StoryIndex(matcher, maxArticles: n);
    var (story, joined, at) = (0L, 0, Start);
    var clock = new Stopwatch();
    var i = 0;
    foreach (var (headline, lead) in Articles(n, seed: 1))
    {
        at = at.AddSeconds(0.5);
        var signature = matcher.Compute(headline, lead);
        if (i++ == n - 10_000) clock.Start();
        var found = index.FindStories(signature, at);
        var id = found.Count == 0 ? ++story : found.Min();
        foreach (var other in found.Where(s => s != id)) index.Merge(id, other);
        if (found.Count > 0 && clock.IsRunning) joined++;
        index.Add(id, signature, at);
    }
    clock.Stop();
    var bytes = Heap() - before;
    GC.KeepAlive(index);
    var micros = clock.Elapsed.TotalMicroseconds / 10_000;
    Console.WriteLine(string.Format(inv, "{0,12:N0}   {1,11:N0}   {2,5:N0}   {3,10:0.0}                      {4:N0}", n, bytes / n, bytes / 1e6, micros, joined));
    return micros;
}

static long Heap()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(true);
}

// Synthetic news: a third of the articles reword an earlier story (a third of the words swapped), the
// rest are new stories with two names each; a third of the words come from 300 common ones (so some
// postings lists are long, as "government" is in real news), the rest from 20,000 rarer ones.
static IEnumerable<(string Headline, string Lead)> Articles(int n, int seed)
{
    var random = new Random(seed);
    var vocabulary = Enumerable.Range(0, 20_000).Select(_ => Word(random)).ToArray();
    string Draw() => vocabulary[random.NextDouble() < 1.0 / 3 ? random.Next(300) : random.Next(vocabulary.Length)];
    var stories = new List<string[]>();
    for (var i = 0; i < n; i++)
    {
        string[] words;
        if (stories.Count > 0 && random.NextDouble() < 1.0 / 3)
        {
            words = (string[])stories[random.Next(Math.Max(0, stories.Count - 500), stories.Count)].Clone();
            for (var w = 0; w < words.Length; w++)
                if (random.NextDouble() < 1.0 / 3) words[w] = Draw();
        }
        else
        {
            words = Enumerable.Range(0, 33).Select(_ => Draw()).ToArray();
            words[2] = Name(words[2]);
            words[12] = Name(words[12]);
            stories.Add(words);
        }
        yield return (string.Join(' ', words[..8]), string.Join(' ', words[8..]) + ".");
    }
}

static string Word(Random random) => string.Create(random.Next(4, 10), random, (span, r) =>
{
    for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + r.Next(26));
});

static string Name(string word) => char.ToUpperInvariant(word[0]) + word[1..];

internal static partial class Program
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
