using System.Text;
using NewsBot.Core.Filters;

namespace NewsBot.Benchmarks;

/// <summary>
/// Generated filters and articles. Filters: one to three terms, mostly about a name (people,
/// companies, places: 200,000 of them, Zipf-distributed), often with a topic word, some topic
/// pairs, full-name phrases, exclusions, OR groups, wildcards, title: and source: restrictions,
/// and one in a thousand a regex. Articles: ~300 words, mostly filler, ~9 topic words, ~10 names.
/// </summary>
internal sealed class FilterWorkload
{
    private static readonly string[] RegexPatterns =
    [
        "/cease-?fire/", "/\\d+ (dead|killed)/", "/(opec|cartel) ?\\+?/", "/rate (hike|cut)s?/", "/ransom(ware)?/",
        "/f[ou]+tball/", "/nuclear (deal|talks)/", "/bitcoin|ethereum/", "/hurricane \\w+/", "/\\bipo\\b/",
    ];

    private static readonly string[] SourceNames = ["reuters", "bbc", "apnews", "aljazeera", "guardian"];

    private readonly Random _random;
    private readonly string[] _names;
    private readonly ZipfSampler _nameRanks;

    public FilterWorkload(int seed = 42)
    {
        _random = new Random(seed);
        _names = NewsVocabulary.Names(new Random(seed), 200_000);
        _nameRanks = new ZipfSampler(_names.Length);
    }

    private string Name() => _names[_nameRanks.Next(_random)];
    private string Topic() => NewsVocabulary.Topics[_random.Next(NewsVocabulary.Topics.Length)];

    public string FilterText()
    {
        var roll = _random.Next(1000);
        return roll switch
        {
            < 350 => Name(),
            < 550 => $"{Name()} {Topic()}",
            < 650 => $"\"{Name()} {Name()}\"",
            < 750 => $"{Name()} -{Topic()}",
            < 820 => $"({Name()} OR {Name()}) {Topic()}",
            < 870 => $"{Name()[..^1]}*",
            < 940 => $"title:{Name()}",
            < 970 => $"{Topic()} {Topic()}",
            < 999 => $"{Name()} source:{SourceNames[_random.Next(SourceNames.Length)]}",
            _ => RegexPatterns[_random.Next(RegexPatterns.Length)],
        };
    }

    public Filter[] Filters(int count)
    {
        var texts = new string[count];
        for (var i = 0; i < count; i++) texts[i] = FilterText();
        var filters = new Filter[count];
        Parallel.For(0, count, i =>
        {
            filters[i] = FilterParser.Parse(texts[i]) switch
            {
                FilterParseResult.Success success => success.Filter,
                FilterParseResult.Error error => throw new InvalidOperationException($"generated filter did not parse: {error.Message}"),
                _ => throw new InvalidOperationException(),
            };
        });
        return filters;
    }

    public ArticleText Article()
    {
        return new ArticleText(Sentence(12), Sentence(300), SourceNames[_random.Next(SourceNames.Length)] + " World", null);
    }

    private string Sentence(int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var roll = _random.Next(100);
            var word = roll < 94 ? NewsVocabulary.Filler[_random.Next(NewsVocabulary.Filler.Length)] : roll < 97 ? Topic() : Name();
            text.Append(word).Append(i % 17 == 16 ? ". " : " ");
        }
        return text.ToString();
    }
}
