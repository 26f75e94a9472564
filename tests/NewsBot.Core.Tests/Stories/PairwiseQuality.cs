namespace NewsBot.Core.Tests.Stories;

/// <summary>Pairwise precision and recall of a grouping against the labels.</summary>
public static class PairwiseQuality
{
    public static (double Precision, double Recall) Measure(IReadOnlyList<LabelledArticle> articles, long[] assigned)
    {
        int joined = 0, wronglyJoined = 0, missed = 0;
        for (var i = 0; i < articles.Count; i++)
            for (var j = i + 1; j < articles.Count; j++)
            {
                var same = articles[i].Story == articles[j].Story;
                var grouped = assigned[i] == assigned[j];
                if (same && grouped) joined++;
                else if (grouped) wronglyJoined++;
                else if (same) missed++;
            }
        return (joined / (double)Math.Max(1, joined + wronglyJoined), joined / (double)(joined + missed));
    }
}
