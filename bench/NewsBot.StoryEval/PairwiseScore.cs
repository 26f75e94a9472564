namespace NewsBot.StoryEval;

/// <summary>Pairwise precision/recall: pairs of articles in one predicted story against pairs in one labelled event.</summary>
internal readonly record struct PairwiseScore(long Joined, long WronglyJoined, long Missed)
{
    public double Precision => Joined + WronglyJoined == 0 ? 1 : Joined / (double)(Joined + WronglyJoined);

    public double Recall => Joined + Missed == 0 ? 1 : Joined / (double)(Joined + Missed);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counted from the contingency table (linear in the articles, not quadratic).</summary>
    public static PairwiseScore Of(IReadOnlyList<EvalArticle> articles, long[] story)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var predicted = story.GroupBy(s => s).Sum(g => Pairs(g.Count()));
        var labelled = articles.GroupBy(a => a.Event).Sum(g => Pairs(g.Count()));
        var both = Enumerable.Range(0, articles.Count).GroupBy(i => (articles[i].Event, story[i])).Sum(g => Pairs(g.Count()));
        return new PairwiseScore(both, predicted - both, labelled - both);
    }
}
