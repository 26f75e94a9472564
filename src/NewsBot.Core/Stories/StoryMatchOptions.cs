namespace NewsBot.Core.Stories;

/// <summary>
/// Tuning of story matching; the defaults were tuned with bench/NewsBot.StoryEval on our labelled
/// set and the first half of the public UCI prefix (the second half held out).
/// </summary>
public sealed record StoryMatchOptions
{
    /// <summary>Weighted cosine similarity (rare words weigh more) at or above which two articles report the same story.</summary>
    public double Threshold { get; init; } = 0.3;

    /// <summary>How many names two articles must share (and at least half of the shorter list) for the lower bar.</summary>
    public int SharedNamesForLowerBar { get; init; } = 3;

    /// <summary>The lower bar for articles sharing many names.</summary>
    public double ThresholdWithSharedNames { get; init; } = 0.25;

    /// <summary>How many normalized words of the lead join the headline's words.</summary>
    public int LeadWords { get; init; } = 30;

    /// <summary>How much a headline word counts against a word of the lead only (1.5 joined a reaction to its cause on our set: same precision loss, no recall gain).</summary>
    public double HeadlineWeight { get; init; } = 1.0;

    /// <summary>How much a name counts against an ordinary word of the same rarity.</summary>
    public double NameWeight { get; init; } = 1.3;

    /// <summary>How much a number or date counts against a word of the same rarity: "7.1" and "2024" are shared by unrelated news.</summary>
    public double NumberWeight { get; init; } = 0.4;

    /// <summary>Cosine similarity of an article to a story's profile (its articles' terms together) at or above which it may join the story.</summary>
    public double StoryThreshold { get; init; } = 0.4;

    /// <summary>How many terms two articles must share at least (fewer when one has fewer): one shared word is chance.</summary>
    public int MinSharedTerms { get; init; } = 2;

    /// <summary>How far above its bar an article must match a second story to merge it into the first (a bridge needs more than a passing likeness).</summary>
    public double MergeMargin { get; init; } = 0.1;

    /// <summary>
    /// How alike (cosine of their profiles, terms weighted by rarity) two stories an article bridges must be
    /// to merge: a bridge between stories that share only a stock phrase ("files for bankruptcy") is not one.
    /// </summary>
    public double MergeThreshold { get; init; } = 0.3;

    /// <summary>Cosine similarity of two articles' embeddings at or above which they report the same story, whatever their words.</summary>
    public double EmbeddingThreshold { get; init; } = 0.85;
}
