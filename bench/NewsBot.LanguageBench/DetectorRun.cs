using System.Diagnostics;
using Lingua;
using NewsBot.Core.Filters;

namespace NewsBot.LanguageBench;

/// <summary>
/// One detector configuration measured in a process of its own (Lingua caches models per process):
/// memory after preloading, build time, detections per second on headline + lead, accuracy.
/// </summary>
internal static class DetectorRun
{
    public static void Run(string name, string[] codes, bool lowAccuracy, int inputChars, string testdata)
    {
        var languages = codes.Select(c => LanguageInfo.GetByIsoCode6391(Enum.Parse<IsoCode6391>(c, ignoreCase: true))).ToArray();
        var texts = LanguageInfo.All().Select(l => TestTexts.Load(testdata, LanguageInfo.IsoCode6391(l).ToString().ToLowerInvariant()))
            .OfType<TestTexts>().ToList();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = Environment.WorkingSet;
        var started = Stopwatch.GetTimestamp();
        var builder = LanguageDetectorBuilder.FromLanguages(languages).WithPreloadedLanguageModels();
        if (lowAccuracy) builder = builder.WithLowAccuracyMode();
        var detector = builder.Build();
        var built = Stopwatch.GetElapsedTime(started);
        var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var rss = Environment.WorkingSet - rssBefore;

        var own = texts.Where(t => codes.Contains(t.Code)).ToList();
        var articles = own.Where(t => NewsLanguages.Contains(t.Code)).SelectMany(t => t.Articles(inputChars)).ToArray();
        foreach (var a in articles.Take(50)) detector.DetectLanguageOf(a); // warm up
        var perSecond = Throughput(articles, a => detector.DetectLanguageOf(a));
        var baseline = Throughput(articles, MatchBaseline(articles));

        Console.WriteLine($"{name}\tlangs={codes.Length}\tmode={(lowAccuracy ? "low" : "high")}\tinput={inputChars}\theapMB={heap / 1e6:0}\trssMB={rss / 1e6:0}\tbuild={built.TotalSeconds:0.00}s"
            + $"\tdet/s={perSecond:0}\tmatch/s={baseline:0}\tdetect/match={baseline / perSecond:0.0}x");
        // With every language, accuracy is reported for the 18 news languages only (79 would take an hour).
        foreach (var t in codes.Length > 20 ? own.Where(t => NewsLanguages.Contains(t.Code)) : own)
        {
            var lang = languages[Array.IndexOf(codes, t.Code)];
            Console.WriteLine($"  {t.Code}\theadlines {Accuracy(detector, t.Headlines, lang):P0}\tpairs {Accuracy(detector, t.WordPairs, lang):P0}"
                + $"\tarticles {Accuracy(detector, t.Articles(inputChars), lang):P0}\t{Confusions(detector, t.Headlines, lang)}");
        }
        // What a detector of few languages says about text in a language it does not know: every
        // such answer sends a foreign article to some lang: filter.
        var foreign = texts.Where(t => !codes.Contains(t.Code)).SelectMany(t => t.Headlines.Take(100)).ToList();
        if (foreign.Count > 0)
        {
            var claimed = foreign.Count(h => detector.DetectLanguageOf(h) != Language.Unknown);
            Console.WriteLine($"  other languages' headlines claimed by one of these: {claimed / (double)foreign.Count:P0} of {foreign.Count}");
        }
    }

    public static readonly string[] NewsLanguages = ["en", "ar", "fa", "ur", "fr", "es", "pt", "de", "it", "ru", "uk", "tr", "zh", "ja", "ko", "hi", "he", "id"];

    private static double Accuracy(LanguageDetector detector, IEnumerable<string> texts, Language expected)
    {
        var (right, all) = (0, 0);
        foreach (var text in texts.Take(1000))
        {
            all++;
            if (detector.DetectLanguageOf(text) == expected) right++;
        }
        return all == 0 ? double.NaN : right / (double)all;
    }

    private static string Confusions(LanguageDetector detector, IEnumerable<string> texts, Language expected) =>
        string.Join(' ', texts.Take(1000).Select(detector.DetectLanguageOf).Where(l => l != expected)
            .GroupBy(l => l).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Key}:{g.Count()}"));

    private static double Throughput(string[] inputs, Action<string> work)
    {
        var started = Stopwatch.GetTimestamp();
        var done = 0;
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(3))
            foreach (var input in inputs.Take(500))
            {
                work(input);
                done++;
            }
        return done / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>The baseline of the same run: matching the same text against 1,000 filters, what every article costs anyway.</summary>
    private static Action<string> MatchBaseline(string[] articles)
    {
        var index = new FilterIndex();
        var words = articles.SelectMany(a => a.Split(' ')).Where(w => w.Length > 4).Distinct().Take(1000).ToArray();
        for (var i = 0; i < words.Length; i++)
            if (FilterParser.Parse(words[i]) is FilterParseResult.Success ok) index.Add(i, i, ok.Filter);
        return text => index.Match(new ArticleText(text[..Math.Min(text.Length, 60)], text, "Wire", null));
    }
}
