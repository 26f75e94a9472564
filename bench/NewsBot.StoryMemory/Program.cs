using System.Diagnostics;
using System.Globalization;
using NewsBot.Core.Stories;
using NewsBot.StoryMemory;

// Bytes per story-index entry, old layout (LegacyStoryIndex) against the compact one (StoryIndex),
// and a check that both give every lookup the same answer.
// `dotnet run -c Release --project bench/NewsBot.StoryMemory`
var matcher = new StoryMatcher();
var inv = CultureInfo.InvariantCulture;

Console.WriteLine("layout                        entries   bytes/entry   MB      add+find µs/article");
foreach (var n in new[] { 10_000, 100_000 })
{
    Report("legacy (object per entry)", n, () =>
    {
        var index = new LegacyStoryIndex(matcher);
        return (index, index.FindStory, index.Add);
    });
    Report("compact, cap = entries", n, () =>
    {
        var index = new StoryIndex(matcher, maxArticles: n);
        return (index, index.FindStory, index.Add);
    });
    Report("compact, cap 100,000", n, () =>
    {
        var index = new StoryIndex(matcher);
        return (index, index.FindStory, index.Add);
    });
}

var signTime = Stopwatch.StartNew();
var signed = 0;
foreach (var (headline, lead) in Articles(20_000, seed: 3))
{
    matcher.Compute(headline, lead);
    signed++;
}
Console.WriteLine(string.Format(inv, "signing one article (headline + lead): {0:0.0} µs", signTime.Elapsed.TotalMicroseconds / signed));
CompareAnswers(30_000);

void Report(string name, int n, Func<(object, Func<StorySignature, DateTimeOffset, long?>, Action<long, StorySignature, DateTimeOffset>)> create)
{
    var before = Heap();
    var (index, find, add) = create();
    var clock = Stopwatch.StartNew();
    var story = 0L;
    var at = Start;
    foreach (var (headline, lead) in Articles(n, seed: 1))
    {
        at = at.AddSeconds(0.5); // 100,000 articles in 14 hours: nothing leaves the 24-hour window
        var signature = matcher.Compute(headline, lead);
        add(find(signature, at) ?? ++story, signature, at);
    }
    var elapsed = clock.Elapsed;
    var bytes = Heap() - before;
    GC.KeepAlive(index);
    Console.WriteLine(string.Format(inv, "{0,-29} {1,7:N0}   {2,11:N0}   {3,5:N0}   {4,6:0.0}",
        name, n, bytes / n, bytes / 1e6, elapsed.TotalMicroseconds / n));
}

// The same stream through both; articles go 1 s apart under a 2-hour window, so eviction runs too.
void CompareAnswers(int n)
{
    var legacy = new LegacyStoryIndex(matcher, TimeSpan.FromHours(2));
    var compact = new StoryIndex(matcher, TimeSpan.FromHours(2), maxArticles: n);
    var (differ, joined, story) = (0, 0, 0L);
    var at = Start;
    foreach (var (headline, lead) in Articles(n, seed: 2))
    {
        at = at.AddSeconds(1);
        var signature = matcher.Compute(headline, lead);
        var (old, now) = (legacy.FindStory(signature, at), compact.FindStory(signature, at));
        if (old != now) differ++;
        if (old is not null) joined++;
        var id = old ?? ++story;
        legacy.Add(id, signature, at);
        compact.Add(id, signature, at);
    }
    Console.WriteLine(string.Format(inv, "same answers: {0:N0} lookups ({1:N0} joined a story), {2} differ; entries held {3:N0} and {4:N0}",
        n, joined, differ, legacy.Count, compact.Count));
}

static long Heap()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(true);
}

// Synthetic news: a third of the articles reword an earlier story (a third of the words swapped), the
// rest are new stories with two names each, from a 20,000-word vocabulary.
static IEnumerable<(string Headline, string Lead)> Articles(int n, int seed)
{
    var random = new Random(seed);
    var vocabulary = Enumerable.Range(0, 20_000).Select(_ => Word(random)).ToArray();
    var stories = new List<string[]>();
    for (var i = 0; i < n; i++)
    {
        string[] words;
        if (stories.Count > 0 && random.NextDouble() < 1.0 / 3)
        {
            words = (string[])stories[random.Next(Math.Max(0, stories.Count - 500), stories.Count)].Clone();
            for (var w = 0; w < words.Length; w++)
                if (random.NextDouble() < 1.0 / 3) words[w] = vocabulary[random.Next(vocabulary.Length)];
        }
        else
        {
            words = Enumerable.Range(0, 33).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
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
