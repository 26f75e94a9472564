namespace NewsBot.StoryHostEval;

/// <summary>Pairwise precision and recall of a grouping against event labels: over all pairs of articles, "same group" vs "same event".</summary>
public readonly record struct PairwiseScore(double Precision, double Recall, long TruePairs, long PredictedPairs)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <param name="items">Each article's event label and predicted group.</param>
    public static PairwiseScore Of(IReadOnlyList<(string Event, string Group)> items)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var truePairs = items.GroupBy(i => i.Event).Sum(g => Pairs(g.Count()));
        var predicted = items.GroupBy(i => i.Group).Sum(g => Pairs(g.Count()));
        var both = items.GroupBy(i => (i.Event, i.Group)).Sum(g => Pairs(g.Count()));
        return new PairwiseScore(predicted == 0 ? 1 : (double)both / predicted, truePairs == 0 ? 1 : (double)both / truePairs, truePairs, predicted);
    }
}
