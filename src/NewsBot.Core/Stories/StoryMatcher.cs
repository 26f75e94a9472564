namespace NewsBot.Core.Stories;

/// <summary>Tuning of story matching; the defaults were tuned on tests/NewsBot.Core.Tests/Stories/testdata.</summary>
public sealed record StoryMatchOptions
{
    /// <summary>Estimated Jaccard similarity at or above which two articles report the same story.</summary>
    public double Threshold { get; init; } = 0.25;

    /// <summary>How many names or numbers (and at least half of the shorter list) two articles must share for the lower bar.</summary>
    public int SharedNamesForLowerBar { get; init; } = 3;

    /// <summary>The lower bar for articles sharing many names or numbers.</summary>
    public double ThresholdWithSharedNames { get; init; } = 0.18;

    /// <summary>How many normalized words of the lead join the headline's words.</summary>
    public int LeadWords { get; init; } = 30;

    /// <summary>How many times a name or number counts compared with an ordinary word.</summary>
    public int SalientWeight { get; init; } = 2;
}

/// <summary>
/// Decides whether two articles report the same event: near-duplicate headline and lead words
/// (MinHash over normalized words; headline words count twice because wires reuse the key nouns of
/// a headline even when they reword the lead).
/// </summary>
public sealed class StoryMatcher(StoryMatchOptions? options = null)
{
    public StoryMatchOptions Options { get; } = options ?? new StoryMatchOptions();

    public StorySignature Compute(string headline, string lead)
    {
        var (headlineWords, allLeadWords) = StoryWords.Tokens(headline, lead);
        var leadWords = allLeadWords.Take(Options.LeadWords).ToList();
        var names = headlineWords.Concat(leadWords).Where(w => w.Salient).Select(w => w.Word);
        return MinHash.Sign(Features(headlineWords, leadWords), names);
    }

    public static double Similarity(StorySignature a, StorySignature b) => a.SimilarityTo(b);

    /// <summary>
    /// Same story when the word sets are similar enough and, if both articles name places, people or
    /// numbers, they share at least one: "Athens" and "Los Angeles" wildfires stay apart however alike
    /// the wording. Sharing many names lowers the bar (rewordings of one event).
    /// </summary>
    public bool SameStory(StorySignature a, StorySignature b) => SameStory(a, b.Values, b.Names);

    /// <summary>As <see cref="SameStory(StorySignature, StorySignature)"/>, against an article the story index keeps without a signature object.</summary>
    internal bool SameStory(StorySignature a, ReadOnlySpan<uint> bValues, ReadOnlySpan<uint> bNames)
    {
        var similarity = a.SimilarityTo(bValues);
        if (similarity < Math.Min(Options.Threshold, Options.ThresholdWithSharedNames)) return false;
        var shared = a.SharedNames(bNames);
        if (shared == 0 && a.Names.Length > 0 && bNames.Length > 0) return false;
        // Many shared names, also relative to the shorter list, mark a rewording; a few names in common
        // are not enough when one article mentions the other event in passing ("after the 737 MAX
        // blowout") or reacts to it ("China retaliates for US chip curbs").
        var manyShared = shared >= Options.SharedNamesForLowerBar && shared >= 0.5 * Math.Min(a.Names.Length, bNames.Length);
        return similarity >= (manyShared ? Options.ThresholdWithSharedNames : Options.Threshold);
    }

    /// <summary>
    /// The word set MinHash signs. Weights are copies: a headline word counts twice, a salient word
    /// (name, number) <see cref="StoryMatchOptions.SalientWeight"/> times more, so two wildfires in
    /// different cities share little while two wires on one fire share the city.
    /// </summary>
    private HashSet<string> Features(List<StoryWord> headline, List<StoryWord> lead)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        void Add(StoryWord word, string tag)
        {
            features.Add(word.Word);
            features.Add(tag + word.Word);
            if (!word.Salient) return;
            for (var copy = 1; copy < Options.SalientWeight; copy++) features.Add($"{word.Word}\u0001{copy}");
        }
        foreach (var word in headline) Add(word, "h:");
        foreach (var word in lead) Add(word, "");
        return features;
    }
}
