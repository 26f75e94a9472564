namespace NewsBot.Core.Stories;

/// <summary>Tuning of story matching; the defaults were tuned on tests/NewsBot.Core.Tests/Stories/testdata.</summary>
public sealed record StoryMatchOptions
{
    /// <summary>Estimated Jaccard similarity at or above which two articles report the same story.</summary>
    public double Threshold { get; init; } = 0.3;

    /// <summary>How many normalized words of the lead join the headline's words.</summary>
    public int LeadWords { get; init; } = 30;
}

/// <summary>
/// Decides whether two articles report the same event: near-duplicate headline and lead words
/// (MinHash over normalized words; headline words count twice because wires reuse the key nouns of
/// a headline even when they reword the lead).
/// </summary>
public sealed class StoryMatcher(StoryMatchOptions? options = null)
{
    public StoryMatchOptions Options { get; } = options ?? new StoryMatchOptions();

    public StorySignature Compute(string headline, string lead) => MinHash.Sign(Features(headline, lead));

    public double Similarity(StorySignature a, StorySignature b) => a.SimilarityTo(b);

    public bool SameStory(StorySignature a, StorySignature b) => a.SimilarityTo(b) >= Options.Threshold;

    internal IEnumerable<string> Features(string headline, string lead)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in StoryWords.Of(headline))
        {
            features.Add(word);
            features.Add("h:" + word);
        }
        foreach (var word in StoryWords.Of(lead).Take(Options.LeadWords)) features.Add(word);
        return features;
    }
}
